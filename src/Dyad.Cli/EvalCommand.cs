using System.CommandLine;
using Dyad.Eval;

namespace Dyad.Cli;

/// <summary>`dyad eval`: scores events against a gold file.</summary>
internal static class EvalCommand
{
    public static Command Create()
    {
        var gold = new Argument<string>("gold") { Description = "Gold articles in the format of ../shared/eval (JSON Lines)" };
        var pred = new Option<string?>("--pred") { Description = "Score these PLOVER records instead of coding the gold articles' text" };
        var details = new Option<bool>("--details") { Description = "List the missed and spurious events of each article" };
        var actors = Options.ActorFiles();
        var triggers = Options.TriggerFiles();
        var command = new Command("eval", "Score events against gold annotations: precision, recall and F1 by level and type")
        {
            gold, pred, details, actors, triggers,
        };
        command.SetAction(r => Options.Guard(() =>
        {
            var predict = r.GetValue(pred) is { } file
                ? Evaluation.FromFile(file)
                : Evaluation.Engine(Options.BuildEngine(r.GetValue(actors), r.GetValue(triggers)));
            var result = Evaluation.Run(GoldArticle.Read(r.GetValue(gold)!), predict);
            result.Write(Console.Out, r.GetValue(details));
            return 0;
        }));
        return command;
    }
}
