using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Dyad.Tests.Cluster;

/// <summary>A `dyad cluster silo` process on 127.0.0.1, started and waited for until it has joined.</summary>
public sealed class SiloProcess : IDisposable
{
    private readonly Process _process;
    private readonly List<string> _output;

    private SiloProcess(Process process, int siloPort, int gatewayPort, List<string> output)
    {
        _process = process;
        SiloPort = siloPort;
        GatewayPort = gatewayPort;
        _output = output;
    }

    public int SiloPort { get; }
    public int GatewayPort { get; }

    /// <summary>The lines the silo has written to standard output so far.</summary>
    public List<string> Output
    {
        get
        {
            lock (_output) return [.. _output];
        }
    }

    public static SiloProcess Start(string db, int? siloPort = null, int? gatewayPort = null, params string[] options)
    {
        int silo = siloPort ?? FreePort(), gateway = gatewayPort ?? FreePort();
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "dyad.dll"), "cluster", "silo", "--db", db,
            "--silo-port", $"{silo}", "--gateway-port", $"{gateway}", "--advertise", "127.0.0.1" }.Concat(options))
            info.ArgumentList.Add(a);
        var process = Process.Start(info)!;
        var ready = new TaskCompletionSource();
        var log = new System.Text.StringBuilder();
        var output = new List<string>();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (output) output.Add(e.Data);
            if (e.Data.StartsWith("silo ready", StringComparison.Ordinal)) ready.TrySetResult();
        };
        process.ErrorDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!ready.Task.Wait(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"silo on port {silo} did not start: {log}");
        }
        return new SiloProcess(process, silo, gateway, output);
    }

    /// <summary>Ends the process at once, as a crash or a pulled plug would.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited) Kill();
        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
