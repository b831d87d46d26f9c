using System.CommandLine;
using Dyad.Web;
using Microsoft.Extensions.Hosting;

namespace Dyad.Cli;

/// <summary>`dyad serve`: the HTTP API and the web interface over a store.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var store = new StoreOptions();
        var urls = new Option<string>("--urls")
        {
            Description = "Addresses to listen on, separated by ';' (loopback by default; any other address needs --token)",
            DefaultValueFactory = _ => "http://127.0.0.1:5080",
        };
        var token = new Option<string?>("--token") { Description = "Access token every request must carry (default $DYAD_TOKEN)" };
        var maxSize = new Option<double>("--max-size") { Description = "Largest request body in MB", DefaultValueFactory = _ => 10 };
        var window = new Option<int>("--merge-window") { Description = "Reports of one type and dyad at most this many days apart are one event (ingest)", DefaultValueFactory = _ => 1 };
        var actors = Options.ActorFiles();
        var triggers = Options.TriggerFiles();
        var command = new Command("serve", "Serve the JSON API (with its OpenAPI description) and the web interface over the store")
        {
            store.Db, urls, token, maxSize, window, actors, triggers,
        };
        command.SetAction(r => Options.Guard(() =>
        {
            var options = new WebOptions
            {
                Db = r.GetValue(store.Db),
                Urls = r.GetValue(urls)!,
                Token = r.GetValue(token) is { Length: > 0 } given ? given : Environment.GetEnvironmentVariable("DYAD_TOKEN") is { Length: > 0 } env ? env : null,
                MaxBodyBytes = (long)(Math.Max(0.001, r.GetValue(maxSize)) * 1_000_000),
                WindowDays = Math.Max(0, r.GetValue(window)),
            };
            var app = WebServer.Build(options, Options.BuildEngine(r.GetValue(actors), r.GetValue(triggers)));
            app.Start();
            Console.Error.WriteLine($"serving {Store.StoreLocation.Parse(options.Db).Display} on {string.Join(", ", app.Urls)} (Ctrl+C stops)");
            app.WaitForShutdown();
            return 0;
        }));
        return command;
    }
}
