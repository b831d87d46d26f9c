namespace Dyad.Output;

/// <summary>Writes event records in one output format.</summary>
public interface IEventWriter
{
    void Write(EventRecord record);
    void Flush();
}
