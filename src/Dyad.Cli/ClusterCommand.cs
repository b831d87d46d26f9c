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
        var command = new Command("silo", "Run a silo of the cluster until stopped (Ctrl+C); it codes and stores the batches of `dyad ingest --cluster`")
        {
            db, siloPort, gatewayPort, advertise, Options.ActorFiles(), Options.TriggerFiles(),
        };
        command.SetAction(r => Options.Guard(() =>
        {
            var location = ClusterDatabase.Locate(r.GetValue(db)!, "--db");
            IPAddress? address = null;
            if (r.GetValue(advertise) is { } text && !IPAddress.TryParse(text, out address))
                throw new DyadException(ErrorCodes.BadArgument, $"--advertise: '{text}' is not an IP address");
            var engine = Options.BuildEngine(r.GetValue<string[]>("--actors"), r.GetValue<string[]>("--triggers"));
            var options = new SiloOptions { Db = location, SiloPort = r.GetValue(siloPort), GatewayPort = r.GetValue(gatewayPort), Advertise = address };
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
        var command = new Command("status", "List the silos the membership table knows, with their state") { db };
        command.SetAction(r => Options.Guard(() =>
        {
            var location = ClusterDatabase.Locate(r.GetValue(db)!, "--db");
            foreach (var (silo, generation, status) in ClusterDatabase.Silos(location))
                Console.WriteLine($"{silo}\t{generation}\t{(status < StatusNames.Length ? StatusNames[status] : status.ToString(System.Globalization.CultureInfo.InvariantCulture))}");
            return 0;
        }));
        return command;
    }
}
