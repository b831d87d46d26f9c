namespace Dyad.Web;

/// <summary>How `dyad serve` runs: which store, where it listens, who may use it.</summary>
public sealed record WebOptions
{
    public string? Db { get; init; }
    /// <summary>Addresses to listen on, separated by ';'. Loopback by default.</summary>
    public string Urls { get; init; } = "http://127.0.0.1:5080";
    /// <summary>An access token every request must carry; required when any address is beyond loopback.</summary>
    public string? Token { get; init; }
    /// <summary>The largest request body accepted.</summary>
    public long MaxBodyBytes { get; init; } = 10_000_000;
    /// <summary>Reports of one type and dyad at most this many days apart join one event when ingesting.</summary>
    public int WindowDays { get; init; } = 1;
}
