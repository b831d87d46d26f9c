using System.Globalization;
using System.Text.Json;
using Dyad.Actors;
using Dyad.Pipeline;

namespace Dyad.Eval;

/// <summary>Scores actor resolution on cases {"text","context","date","expect":{"country":[...],"sector":[...]}}.</summary>
public static class ActorCases
{
    public sealed record Score(int CountryRight, int CountryTotal, int SectorRight, int SectorTotal)
    {
        public double Country => CountryTotal == 0 ? 0 : (double)CountryRight / CountryTotal;
        public double Sector => SectorTotal == 0 ? 0 : (double)SectorRight / SectorTotal;
    }

    public static int Run(ActorLookup lookup, string file, bool verbose, TextWriter output)
    {
        if (!File.Exists(file)) throw new DyadException(ErrorCodes.MissingInput, $"{file}: no such file");
        var score = Evaluate(lookup, File.ReadLines(file), verbose ? output : null);
        output.WriteLine($"country accuracy {score.Country:0.000} ({score.CountryRight}/{score.CountryTotal})");
        output.WriteLine($"sector accuracy  {score.Sector:0.000} ({score.SectorRight}/{score.SectorTotal})");
        return 0;
    }

    public static Score Evaluate(ActorLookup lookup, IEnumerable<string> lines, TextWriter? misses)
    {
        int cr = 0, ct = 0, sr = 0, st = 0;
        int lineNumber = 0;
        foreach (var line in lines)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            string text = root.GetProperty("text").GetString() ?? "";
            string? context = root.TryGetProperty("context", out var c) ? c.GetString() : null;
            var date = ParseCaseDate(root.TryGetProperty("date", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null);
            var result = lookup.Resolve(text, context, date);
            var expect = root.GetProperty("expect");
            if (expect.TryGetProperty("country", out var countries))
            {
                ct++;
                // The cases write "no country" as ""; Dyad writes it as UNK.
                string code = result.Code == "UNK" ? "" : result.Code;
                if (countries.EnumerateArray().Any(x => x.GetString() == code)) cr++;
                else misses?.WriteLine($"country {text} | {context} -> {result.Code} (expected {string.Join('/', countries.EnumerateArray())}) {result.Why}");
            }
            if (expect.TryGetProperty("sector", out var sectors))
            {
                st++;
                if (sectors.EnumerateArray().Any(x => x.GetString() == result.Sector)) sr++;
                else misses?.WriteLine($"sector  {text} | {context} -> {result.Sector} (expected {string.Join('/', sectors.EnumerateArray())}) {result.Why}");
            }
        }
        return new Score(cr, ct, sr, st);
    }

    private static DateOnly? ParseCaseDate(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (text.Equals("today", StringComparison.OrdinalIgnoreCase)) return DateOnly.FromDateTime(DateTime.Today);
        string[] formats = ["yyyy-MM-dd", "d MMMM yyyy", "d MMM yyyy"];
        return DateOnly.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var date) ? date : null;
    }
}
