using System.Net;
using System.Net.Sockets;
using Dyad.Pipeline;
using Dyad.Store;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;

namespace Dyad.Cluster;

public sealed record SiloOptions
{
    public required StoreLocation Db { get; init; }
    public int SiloPort { get; init; } = 11111;
    public int GatewayPort { get; init; } = 30000;
    /// <summary>The address other silos and clients reach this one at; the first IPv4 address of the machine when null.</summary>
    public IPAddress? Advertise { get; init; }
    /// <summary>The User-Agent of this silo's feed polls; the one of `dyad watch` when null.</summary>
    public string? UserAgent { get; init; }
    /// <summary>The period of the watched feeds' reminders: how soon a feed whose silo died is polled by another.</summary>
    public TimeSpan ReminderPeriod { get; init; } = TimeSpan.FromMinutes(1);
    /// <summary>Where the feed grains' log lines go.</summary>
    public Action<string> Log { get; init; } = Console.WriteLine;
}

/// <summary>A Dyad silo: joins the cluster listed in the database and serves coding and feed grains with one engine.</summary>
public static class Silo
{
    public static IHost Build(SiloOptions options, Engine engine)
    {
        var address = options.Advertise ?? DefaultAddress();
        string name = $"{address}:{options.SiloPort}";
        ClusterDatabase.Check(options.Db);
        var store = EventStore.Open(options.Db);
        var builder = Host.CreateApplicationBuilder([]);
        Quiet(builder.Logging);
        builder.Services.AddSingleton(new SiloCoder(engine, store, name));
        builder.Services.AddSingleton(new SiloFeeds(engine, store, new FeedTable(options.Db), name,
            options.UserAgent ?? new Feeds.WatchOptions().UserAgent, options.ReminderPeriod, options.Log));
        builder.UseOrleans(silo => silo
            .Configure<ClusterOptions>(o => { o.ClusterId = ClusterDatabase.ClusterId; o.ServiceId = ClusterDatabase.ClusterId; })
            .ConfigureEndpoints(address, options.SiloPort, options.GatewayPort, listenOnAnyHostAddress: true)
            .UseAdoNetClustering(o => { o.Invariant = ClusterDatabase.Invariant; o.ConnectionString = options.Db.ConnectionString; })
            .UseAdoNetReminderService(o => { o.Invariant = ClusterDatabase.Invariant; o.ConnectionString = options.Db.ConnectionString; })
            .Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromTicks(Math.Min(o.MinimumReminderPeriod.Ticks, options.ReminderPeriod.Ticks))));
        return builder.Build();
    }

    /// <summary>Orleans logs warnings and errors to standard error; standard output stays for Dyad's own lines.</summary>
    internal static void Quiet(ILoggingBuilder logging)
    {
        logging.ClearProviders();
        logging.AddSimpleConsole(o => o.SingleLine = true);
        logging.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        logging.SetMinimumLevel(LogLevel.Warning);
        logging.AddFilter("Orleans.Runtime.Silo", LogLevel.Error); // a note on every start that server GC is off
    }

    private static IPAddress DefaultAddress() =>
        Dns.GetHostAddresses(Dns.GetHostName()).FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a))
        ?? IPAddress.Loopback;
}
