namespace Dyad.Pipeline;

/// <summary>Stable error codes that users and tests can grep for.</summary>
public static class ErrorCodes
{
    public const string MissingInput = "DYAD001";      // path does not exist
    public const string UnreadableInput = "DYAD002";   // I/O error reading a file
    public const string BinaryInput = "DYAD003";       // file looks binary
    public const string InvalidEncoding = "DYAD004";   // damaged UTF-8 (not Windows-1252), decoded with replacement (warning)
    public const string EmptyArticle = "DYAD005";      // no text
    public const string MalformedJson = "DYAD006";     // a JSON Lines line that does not parse
    public const string TooLarge = "DYAD007";          // article above the size limit
    public const string EmptyFolder = "DYAD008";       // folder with no readable files
    public const string StageFailed = "DYAD009";       // a stage threw on one document
    public const string PipelineOrder = "DYAD010";     // a stage needs a layer nothing produced before it
    public const string BadData = "DYAD011";           // a malformed row in a data file
    public const string BadArgument = "DYAD012";       // a bad command-line value
    public const string DamagedPdf = "DYAD013";        // a PDF that cannot be parsed (truncated, corrupt)
    public const string EncryptedPdf = "DYAD014";      // a PDF that needs a password
    public const string NoArticle = "DYAD015";         // a web page or PDF without article text
    public const string MalformedFeed = "DYAD016";     // an RSS/Atom file that does not parse
    public const string NotEnglish = "DYAD017";        // an article in another language, skipped
    // Store errors: DYAD020-029.
    public const string NotAStore = "DYAD020";         // a corrupt file, or a database of another program
    public const string StoreUnavailable = "DYAD021";  // cannot open or reach the store
    public const string StoreWriteFailed = "DYAD022";  // a write failed (disk full, read-only); the batch was rolled back
    public const string StoreBusy = "DYAD023";         // another process held the store too long
    public const string StoreVersion = "DYAD024";      // a store of a newer schema version
    // Cluster errors: DYAD030-039.
    public const string ClusterTables = "DYAD030";     // the cluster tables are missing or older than this Dyad: run `dyad cluster init`
}

/// <summary>An error with a stable code.</summary>
public sealed class DyadException(string code, string message) : Exception($"{code}: {message}")
{
    public string Code { get; } = code;
    /// <summary>The message without its code.</summary>
    public string Detail { get; } = message;
}
