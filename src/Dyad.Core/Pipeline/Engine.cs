using Dyad.Actors;
using Dyad.Documents;
using Dyad.Events;
using Dyad.Knowledge;
using Dyad.Text;

namespace Dyad.Pipeline;

/// <summary>Options for building an engine: users' own dictionary files.</summary>
public sealed record EngineOptions
{
    /// <summary>Extra people or organisation files (same columns as the built-in ones).</summary>
    public IReadOnlyList<string> ActorFiles { get; init; } = [];
    /// <summary>Extra trigger files (same columns as events/triggers.tsv).</summary>
    public IReadOnlyList<string> TriggerFiles { get; init; } = [];
}

/// <summary>The loaded knowledge and the pipeline built on it. Build once, share between threads.</summary>
public sealed class Engine
{
    private Engine(TextPipeline pipeline, ActorKnowledge actors, TriggerLexicon triggers, Gazetteer places, Scores scores, string dataVersion)
    {
        Pipeline = pipeline;
        Actors = actors;
        Triggers = triggers;
        Places = places;
        Scores = scores;
        DataVersion = dataVersion;
    }

    public TextPipeline Pipeline { get; }
    public ActorKnowledge Actors { get; }
    public TriggerLexicon Triggers { get; }
    public Gazetteer Places { get; }
    public Scores Scores { get; }
    /// <summary>The versions of the data files, e.g. "countries v1, triggers v1, ...".</summary>
    public string DataVersion { get; }
    public static string ProgramVersion { get; } =
        typeof(Engine).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
    /// <summary>What records and stored documents name as their coder: program and data versions.</summary>
    public string Version => $"dyad {ProgramVersion}; {DataVersion}";

    public static Engine Build(EngineOptions? options = null)
    {
        options ??= new EngineOptions();
        var abbreviations = Abbreviations.LoadEmbedded();
        var tokenizer = new Tokenizer(abbreviations);
        var words = Task.Run(WordList.LoadEmbedded);
        var places = Task.Run(Gazetteer.LoadEmbedded);
        var actors = Task.Run(() => ActorKnowledge.Load(tokenizer, options.ActorFiles));
        var triggers = TriggerLexicon.Load(Inflector.LoadEmbedded(), options.TriggerFiles);
        var cues = Cues.LoadEmbedded(tokenizer);
        var pipeline = TextPipeline.Build(
            new TextRepairStage(words.Result, TextRepairStage.LoadNonProse()),
            new DatelineStage(places.Result),
            new SentenceStage(tokenizer, abbreviations),
            new MentionStage(actors.Result, triggers),
            new ActorStage(actors.Result, ActorStage.LoadModifiers(), places.Result),
            new EventStage(triggers, cues, new PlaceFinder(places.Result)),
            new MergeStage());
        string version = string.Join(", ",
            new[] { ActorKnowledge.CountriesFile, ActorKnowledge.OrganizationsFile, ActorKnowledge.SectorsFile, ActorKnowledge.PeopleFile, TriggerLexicon.File, Gazetteer.File }
                .Select(f => $"{Path.GetFileNameWithoutExtension(f.Replace(".gz", "", StringComparison.Ordinal))} {DataFile.Version(f)}"));
        return new Engine(pipeline, actors.Result, triggers, places.Result, Scores.LoadEmbedded(), version);
    }

    public Document Process(Article article) => Pipeline.Run(article);
}
