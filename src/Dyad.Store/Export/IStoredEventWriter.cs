namespace Dyad.Store.Export;

/// <summary>Writes stored events in one export format.</summary>
public interface IStoredEventWriter
{
    void Write(StoredEvent stored);
    /// <summary>Writes what is buffered and the format's closing parts.</summary>
    void Finish();
}

public static class ExportFormats
{
    public static readonly string[] Names = ["plover", "csv", "gdelt", "parquet"];

    public static IStoredEventWriter Create(string format, Stream output) => format switch
    {
        "csv" => new StoredCsvWriter(output),
        "gdelt" => new GdeltWriter(output),
        "parquet" => new ParquetExport(output),
        _ => new StoredPloverWriter(output),
    };
}
