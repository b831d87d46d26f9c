using Dyad.Documents;

namespace Dyad.Pipeline;

/// <summary>An immutable, ordered list of stages, checked when built. Safe to share between threads.</summary>
public sealed class TextPipeline
{
    private readonly IStage[] _stages;

    private TextPipeline(IStage[] stages) => _stages = stages;

    public IReadOnlyList<IStage> Stages => _stages;

    public static TextPipeline Build(params IEnumerable<IStage> stages)
    {
        var list = stages.ToArray();
        var available = Layer.Text;
        foreach (var stage in list)
        {
            var missing = stage.Needs & ~available;
            if (missing != Layer.None)
                throw new DyadException(ErrorCodes.PipelineOrder,
                    $"stage '{stage.Name}' needs {missing}, which no earlier stage produces");
            available |= stage.Produces;
        }
        return new TextPipeline(list);
    }

    /// <summary>Runs every stage on a new document for the article.</summary>
    public Document Run(Article article)
    {
        var document = new Document(article);
        foreach (var stage in _stages)
        {
            try
            {
                stage.Process(document);
            }
            catch (Exception e) when (e is not DyadException)
            {
                throw new DyadException(ErrorCodes.StageFailed, $"stage '{stage.Name}' failed on {article.Id}: {e.Message}");
            }
        }
        return document;
    }
}
