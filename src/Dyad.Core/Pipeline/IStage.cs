using Dyad.Documents;

namespace Dyad.Pipeline;

/// <summary>One step of the pipeline. Implementations are immutable and safe to share between threads.</summary>
public interface IStage
{
    string Name { get; }
    Layer Needs { get; }
    Layer Produces { get; }
    void Process(Document document);
}
