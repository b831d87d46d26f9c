using System.CommandLine;
using Dyad.Cli;

var root = new RootCommand("Dyad: political event data from news text, coded in PLOVER (who did what to whom, when, where, according to whom).");
root.Subcommands.Add(CodeCommand.Create());
root.Subcommands.Add(InspectCommand.Create());
root.Subcommands.Add(ActorCommand.Create());
root.Subcommands.Add(EvalCommand.Create());
root.Subcommands.Add(BenchCommand.Create());
root.Subcommands.Add(IngestCommand.Create());
root.Subcommands.Add(QueryCommand.Create());
root.Subcommands.Add(StatsCommand.Create());
root.Subcommands.Add(QueryCommand.CreateExport());
root.Subcommands.Add(RecodeCommand.Create());
root.Subcommands.Add(WatchCommand.Create());
root.Subcommands.Add(ServeCommand.Create());
root.Subcommands.Add(ClusterCommand.Create());
return root.Parse(args).Invoke();
