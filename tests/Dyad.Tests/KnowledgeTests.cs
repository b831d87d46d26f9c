using Dyad.Documents;
using Dyad.Pipeline;

namespace Dyad.Tests;

public sealed class KnowledgeTests
{
    [Fact]
    public void A_user_file_adds_a_dated_person_without_rebuilding()
    {
        string file = Path.Combine(Path.GetTempPath(), $"dyad-people-{Guid.NewGuid():N}.tsv");
        File.WriteAllText(file, "# my people\nZorin Vale\tKAZ\tGOV\tForeign Minister\t2024-01-01\t2024-12-31\tVale\n");
        try
        {
            const string text = "Zorin Vale condemned the attack.";
            var plain = Shared.Process(text, new DateOnly(2024, 6, 1));
            Assert.DoesNotContain(plain.Actors, a => a.Code == "KAZ");

            var engine = Engine.Build(new EngineOptions { ActorFiles = [file] });
            var during = engine.Process(new Article("t", text) { Date = new DateOnly(2024, 6, 1) });
            var actor = Assert.Single(during.Actors);
            Assert.Equal(("KAZ", "GOV", "Foreign Minister"), (actor.Code, actor.Sector, actor.Office));
            Assert.Contains(during.Events, e => e.Type == EventType.ACCUSE && e.Actors.Any(a => a.Code == "KAZ"));

            var after = engine.Process(new Article("t", text) { Date = new DateOnly(2025, 6, 1) });
            Assert.Equal("ELI", Assert.Single(after.Actors).Sector);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void The_dated_dictionary_resolves_by_the_article_date()
    {
        var during = Shared.Process("Defense Minister Kim Yong-hyun spoke.", new DateOnly(2024, 11, 2));
        Assert.Equal(("KOR", "GOV"), (during.Actors[0].Code, during.Actors[0].Sector));
        var later = Shared.Process("Kim Yong-hyun spoke.", new DateOnly(2025, 6, 1));
        Assert.Equal(("KOR", "ELI"), (later.Actors[0].Code, later.Actors[0].Sector));
    }

    [Fact]
    public void A_pipeline_whose_stage_needs_a_missing_layer_is_refused()
    {
        var engine = Shared.Engine;
        var events = engine.Pipeline.Stages.Single(s => s.Name == "events");
        var e = Assert.Throws<DyadException>(() => TextPipeline.Build(events));
        Assert.Equal(ErrorCodes.PipelineOrder, e.Code);
        Assert.Contains("events", e.Message);
    }
}
