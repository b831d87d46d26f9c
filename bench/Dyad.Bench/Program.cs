using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Dyad.Bench.ActorBenchmarks).Assembly).Run(args);
