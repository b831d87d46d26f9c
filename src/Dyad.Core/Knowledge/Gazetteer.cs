using System.Globalization;

namespace Dyad.Knowledge;

public sealed record Place(string Name, string Kind, string Country, string Admin1, double? Lat, double? Lon, long Population);

/// <summary>Countries, first-level regions and populated places with coordinates, looked up by name.</summary>
public sealed class Gazetteer
{
    public const string File = "places/places.tsv.gz";
    private const long LargeTown = 100_000;

    private readonly Dictionary<string, List<Place>> _byName;

    private Gazetteer(Dictionary<string, List<Place>> byName) => _byName = byName;

    public static Gazetteer LoadEmbedded()
    {
        var byName = new Dictionary<string, List<Place>>(200_000, StringComparer.OrdinalIgnoreCase);
        foreach (var r in DataFile.EmbeddedRows(File, 7, 8))
        {
            var place = new Place(r[0], r[1], r[2], r[3], ParseDouble(r[4]), ParseDouble(r[5]),
                long.TryParse(r[6], NumberStyles.Integer, CultureInfo.InvariantCulture, out long p) ? p : 0);
            Add(byName, place.Name, place);
            if (r.Length > 7 && r[7].Length > 0)
                foreach (var alt in r[7].Split('|', StringSplitOptions.RemoveEmptyEntries))
                    Add(byName, alt, place);
        }
        foreach (var list in byName.Values) list.Sort(ByImportance);
        return new Gazetteer(byName);
    }

    private static void Add(Dictionary<string, List<Place>> byName, string name, Place place)
    {
        if (!byName.TryGetValue(name, out var list)) byName[name] = list = new List<Place>(1);
        if (!list.Contains(place)) list.Add(place);
    }

    private static int ByImportance(Place a, Place b)
    {
        int rank(Place p) => p.Kind switch { "country" => 0, "admin1" => 1, _ => 2 };
        int c = rank(a).CompareTo(rank(b));
        return c != 0 ? c : b.Population.CompareTo(a.Population);
    }

    private static double? ParseDouble(string s) =>
        double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) ? d : null;

    /// <summary>Words that follow a region's name in news: "Sindh province", "the Kursk region".</summary>
    public static readonly IReadOnlySet<string> RegionWords = new HashSet<string>(StringComparer.Ordinal)
    {
        "region", "province", "oblast", "krai", "state", "governorate", "district", "county", "prefecture", "territory",
    };

    public bool Contains(string name) => _byName.ContainsKey(name);

    /// <summary>The country of the first-level regions of that name, when they all lie in one.</summary>
    public string? RegionCountry(string name)
    {
        if (!_byName.TryGetValue(name, out var list)) return null;
        string? country = null;
        foreach (var p in list)
        {
            if (p.Kind != "admin1") continue;
            if (country is not null && country != p.Country) return null;
            country = p.Country;
        }
        return country;
    }

    /// <summary>The best place of that name: in one of the preferred countries if possible, else the most important.</summary>
    public Place? Resolve(string name, IReadOnlyCollection<string>? preferredCountries = null, string? kind = null)
    {
        if (!_byName.TryGetValue(name, out var list)) return null;
        IEnumerable<Place> candidates = kind is null ? list : list.Where(p => p.Kind == kind);
        if (preferredCountries is { Count: > 0 })
        {
            var preferred = candidates.FirstOrDefault(p => preferredCountries.Contains(p.Country));
            if (preferred is not null) return preferred;
            // A small town abroad is more likely an unknown local place than the one the story means.
            return candidates.FirstOrDefault(p => p.Kind != "city" || p.Population >= LargeTown);
        }
        return candidates.FirstOrDefault();
    }
}
