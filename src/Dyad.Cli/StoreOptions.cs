using System.CommandLine;
using Dyad.Store;

namespace Dyad.Cli;

/// <summary>Options of the commands that work on the event store.</summary>
internal sealed class StoreOptions
{
    public Option<string?> Db { get; } = new("--db")
    {
        Description = $"The store: an SQLite file (default {StoreLocation.DefaultPath()}; $DYAD_DB overrides) or postgres://user:password@host:port/database",
    };
    public Option<string?> Actor { get; } = new("--actor") { Description = "Actor country code, optionally with a sector: KOR or KOR:GOV" };
    public Option<string?> Recipient { get; } = new("--recipient") { Description = "Recipient country code, optionally with a sector" };
    public Option<string?> Type { get; } = new("--type") { Description = "PLOVER event type (ACCUSE, CONSULT, ...)" };
    public Option<string?> From { get; } = new("--from") { Description = "First event date (YYYY-MM-DD)" };
    public Option<string?> To { get; } = new("--to") { Description = "Last event date (YYYY-MM-DD)" };
    public Option<string?> Place { get; } = new("--place") { Description = "Event place name (part of it) or country code" };
    public Option<string?> Text { get; } = new("--text") { Description = "Words that the article or its evidence must contain (full-text search)" };
    public Option<bool> Reports { get; } = new("--reports") { Description = "Every report of each event, not one row per event cluster" };

    public IEnumerable<Option> Filters => [Actor, Recipient, Type, From, To, Place, Text, Reports];

    public EventQuery Query(ParseResult r, int limit) => new()
    {
        Actor = ActorFilter.Parse(r.GetValue(Actor), "--actor"),
        Recipient = ActorFilter.Parse(r.GetValue(Recipient), "--recipient"),
        Type = EventTypeFilter.Parse(r.GetValue(Type), "--type"),
        From = Options.ParseDate(r.GetValue(From), "--from"),
        To = Options.ParseDate(r.GetValue(To), "--to"),
        Place = r.GetValue(Place),
        Text = r.GetValue(Text),
        Reports = r.GetValue(Reports),
        Limit = limit,
    };

    public EventStore Open(ParseResult r) => EventStore.Open(r.GetValue(Db));
}
