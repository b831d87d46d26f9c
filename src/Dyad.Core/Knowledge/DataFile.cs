using System.IO.Compression;
using Dyad.Pipeline;

namespace Dyad.Knowledge;

/// <summary>Reads the TSV data files shipped inside the assembly, and users' own files of the same format.</summary>
public static class DataFile
{
    /// <summary>Opens an embedded data file by its path under Data/ ("actors/countries.tsv").</summary>
    public static TextReader OpenEmbedded(string path)
    {
        string name = "Dyad.Data." + path;
        var stream = typeof(DataFile).Assembly.GetManifestResourceStream(name)
            ?? throw new DyadException(ErrorCodes.BadData, $"embedded data file '{path}' is missing from the build");
        if (path.EndsWith(".gz", StringComparison.Ordinal))
            stream = new GZipStream(stream, CompressionMode.Decompress);
        return new StreamReader(stream);
    }

    /// <summary>The version line of a data file ("# ... v1 ..."), for output records.</summary>
    public static string Version(string path)
    {
        using var reader = OpenEmbedded(path);
        for (string? line; (line = reader.ReadLine()) is not null && line.StartsWith('#');)
        {
            var m = System.Text.RegularExpressions.Regex.Match(line, @"\bv(\d+(?:\.\d+)*)\b");
            if (m.Success) return m.Value;
        }
        return "v0";
    }

    /// <summary>Yields the fields of each data row (comments and blank lines skipped), checking the field count.</summary>
    public static IEnumerable<string[]> Rows(TextReader reader, string name, int minFields, int maxFields)
    {
        int lineNumber = 0;
        for (string? line; (line = reader.ReadLine()) is not null;)
        {
            lineNumber++;
            if (line.Length == 0 || line[0] == '#' || string.IsNullOrWhiteSpace(line)) continue;
            var fields = line.Split('\t');
            if (fields.Length < minFields || fields.Length > maxFields)
                throw new DyadException(ErrorCodes.BadData,
                    $"{name}:{lineNumber}: expected {minFields}-{maxFields} tab-separated fields, found {fields.Length}");
            for (int i = 0; i < fields.Length; i++) fields[i] = fields[i].Trim();
            yield return fields;
        }
    }

    public static IEnumerable<string[]> EmbeddedRows(string path, int minFields, int maxFields)
    {
        using var reader = OpenEmbedded(path);
        foreach (var row in Rows(reader, path, minFields, maxFields)) yield return row;
    }

    public static IEnumerable<string[]> FileRows(string file, int minFields, int maxFields)
    {
        if (!File.Exists(file)) throw new DyadException(ErrorCodes.MissingInput, $"{file}: data file not found");
        using var reader = new StreamReader(file);
        foreach (var row in Rows(reader, file, minFields, maxFields)) yield return row;
    }
}
