using BenchmarkDotNet.Attributes;
using Dyad.Actors;
using Dyad.Documents;
using Dyad.Pipeline;

namespace Dyad.Bench;

/// <summary>What resolving one actor phrase costs, through the whole pipeline, and coding one wire sentence.</summary>
[MemoryDiagnoser]
public class ActorBenchmarks
{
    private Engine _engine = null!;
    private ActorLookup _lookup = null!;

    [GlobalSetup]
    public void Setup()
    {
        _engine = Engine.Build();
        _lookup = new ActorLookup(_engine);
    }

    [Benchmark]
    public string TitledPerson() => _lookup.Resolve("Canadian Foreign Minister Melanie Joly", null, new DateOnly(2024, 11, 2)).Code;

    [Benchmark]
    public string PossessiveInstitution() => _lookup.Resolve("Seoul's defense ministry").Code;

    [Benchmark]
    public string Country() => _lookup.Resolve("North Korea").Code;

    [Benchmark]
    public int WireSentence() => _engine.Process(new Article("b",
        "Defense ministers of South Korea and Canada condemned North Korea's troop deployment to Russia during a bilateral meeting in Ottawa, Seoul's defense ministry said Saturday.")
        { Date = new DateOnly(2024, 11, 2) }).Events.Count;
}
