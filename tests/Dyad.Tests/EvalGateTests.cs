using Dyad.Actors;
using Dyad.Eval;

namespace Dyad.Tests;

/// <summary>
/// Accuracy floors on the development sets in ../shared/eval (found by walking up from the test folder),
/// skipped when the folder is absent. The floors sit just under the measured figures (docs/accuracy.md),
/// so a regression fails the build; raise them as accuracy improves.
/// </summary>
public sealed class EvalGateTests
{
    private static string? EvalFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "eval");
            if (File.Exists(Path.Combine(candidate, "seed.jsonl"))) return candidate;
        }
        return null;
    }

    private static Evaluation Score(string file)
    {
        var folder = EvalFolder();
        Skip.If(folder is null, "../shared/eval is not on this machine");
        return Evaluation.Run(GoldArticle.Read(Path.Combine(folder!, file)), Evaluation.Engine(Shared.Engine));
    }

    [SkippableFact]
    public void Seed_article_yields_every_core_event()
    {
        var result = Score("seed.jsonl");
        Assert.Equal(1.0, result.Totals[Level.Dyad].Recall);
    }

    [SkippableFact]
    public void News_articles_stay_above_the_floor()
    {
        Assert.True(Score("news-dev.jsonl").Totals[Level.Dyad].F1 >= 0.61);
    }

    [SkippableFact]
    public void Plover_sentences_stay_above_the_floor()
    {
        Assert.True(Score("plover-gsr-dev.jsonl").Totals[Level.Dyad].Recall >= 0.70);
    }

    [SkippableFact]
    public void Actor_cases_stay_above_the_floor()
    {
        var folder = EvalFolder();
        Skip.If(folder is null, "../shared/eval is not on this machine");
        var score = ActorCases.Evaluate(new ActorLookup(Shared.Engine), File.ReadLines(Path.Combine(folder!, "ngec-actors-dev.jsonl")), null);
        Assert.True(score.Country >= 0.83, $"country {score.Country}");
        Assert.True(score.Sector >= 0.78, $"sector {score.Sector}");
    }
}
