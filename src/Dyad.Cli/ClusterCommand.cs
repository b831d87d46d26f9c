using System.CommandLine;
using System.Net;
using Dyad.Cluster;
using Dyad.Pipeline;
using Microsoft.Extensions.Hosting;

namespace Dyad.Cli;

/// <summary>`dyad cluster`: prepares the shared PostgreSQL database and runs silos that code for `dyad ingest --cluster`.</summary>
internal static class ClusterCommand
{
    private static readonly string[] StatusNames = ["none", "created", "joining", "active", "shutting down", "stopping", "dead"];

    public static Command Create()
    {
        var command = new Command("cluster", "Run Dyad on several machines: silos that code and store into one PostgreSQL database");
        command.Subcommands.Add(Init());
        command.Subcommands.Add(Silo());
        command.Subcommands.Add(Status());
        return command;
    }

    private static Option<string> Db() => new("--db")
    {
        Description = "The cluster's PostgreSQL database: postgres://user:password@host:port/database (or an Npgsql connection string)",
        Required = true,
    };

    private static Command Init()
    {
        var db = Db();
        var command = new Command("init", "Create the Dyad store and Orleans' membership tables in a PostgreSQL database (again: no change)") { db };
        command.SetAction(r => Options.Guard(() =>
        {
            var location = ClusterDatabase.Locate(r.GetValue(db)!, "--db");
            ClusterDatabase.Init(location);
            Console.WriteLine($"cluster database ready: {location.Display}");
            return 0;
        }));
        return command;
    }

    private static Command Silo()
    {
        var db = Db();
        var siloPort = new Option<int>("--silo-port") { Description = "Port for silo-to-silo traffic", DefaultValueFactory = _ => 11111 };
        var gatewayPort = new Option<int>("--gateway-port") { Description = "Port clients connect to", DefaultValueFactory = _ => 30000 };
        var advertise = new Option<string?>("--advertise")
        {
            Description = "The IP address other machines reach this silo at (default: the machine's first IPv4 address)",
        };
        var userAgent = new Option<string?>("--user-agent") { Description = "The User-Agent of this silo's feed polls (default: the one of `dyad watch`)" };
        var reminderPeriod = new Option<string>("--reminder-period")
        {
            Description = "How often each watched feed's reminder fires: how soon another silo polls a feed whose silo died",
            DefaultValueFactory = _ => "1m",
        };
        var command = new Command("silo",
            "Run a silo of the cluster until stopped (Ctrl+C); it codes and stores the batches of `dyad ingest --cluster` and polls the feeds of `dyad watch --cluster`")
        {
            db, siloPort, gatewayPort, advertise, userAgent, reminderPeriod, Options.ActorFiles(), Options.TriggerFiles(),
        };
        command.SetAction(r => Options.Guard(() =>
        {
            var location = ClusterDatabase.Locate(r.GetValue(db)!, "--db");
            IPAddress? address = null;
            if (r.GetValue(advertise) is { } text && !IPAddress.TryParse(text, out address))
                throw new DyadException(ErrorCodes.BadArgument, $"--advertise: '{text}' is not an IP address");
            var engine = Options.BuildEngine(r.GetValue<string[]>("--actors"), r.GetValue<string[]>("--triggers"));
            var period = Feeds.WatchOptions.ParseDuration(r.GetValue(reminderPeriod)!, "--reminder-period");
            if (period < TimeSpan.FromSeconds(1)) throw new DyadException(ErrorCodes.BadArgument, "--reminder-period: at least 1s");
            var options = new SiloOptions
            {
                Db = location,
                SiloPort = r.GetValue(siloPort),
                GatewayPort = r.GetValue(gatewayPort),
                Advertise = address,
                UserAgent = r.GetValue(userAgent),
                ReminderPeriod = period,
            };
            using var host = Dyad.Cluster.Silo.Build(options, engine);
            host.Start();
            Console.WriteLine($"silo ready: ports {options.SiloPort} (silo) and {options.GatewayPort} (gateway), cluster {location.Display}");
            host.WaitForShutdown();
            Console.WriteLine("silo stopped");
            return 0;
        }));
        return command;
    }

    private static Command Status()
    {
        var db = Db();
        var command = new Command("status", "List the silos the membership table knows, with their state, and the watched feeds") { db };
        command.SetAction(r => Options.Guard(() =>
        {
            var location = ClusterDatabase.Locate(r.GetValue(db)!, "--db");
            foreach (var (silo, generation, status) in ClusterDatabase.Silos(location))
                Console.WriteLine($"{silo}\t{generation}\t{(status < StatusNames.Length ? StatusNames[status] : status.ToString(System.Globalization.CultureInfo.InvariantCulture))}");
            foreach (var feed in new FeedTable(location).All())
            {
                string last = feed.PolledAt is { } at ? $"last polled by {feed.PolledBy} at {at.ToLocalTime():yyyy-MM-dd HH:mm:ss}: {feed.Outcome}" : "not polled yet";
                Console.WriteLine($"feed\t{feed.Settings.Url}\tevery {Feeds.WatchOptions.FormatDuration(feed.Settings.Every)}\t{last}");
            }
            return 0;
        }));
        return command;
    }
}
