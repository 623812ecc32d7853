using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Stytch.Fake.Tests.Server;

/// <summary>The standalone server started as its own process, as a user runs it.</summary>
internal sealed partial class ServerProcess : IAsyncDisposable
{
    /// <summary>
    /// How long a start, a stop or an awaited line may take before the server is taken for hung: seconds alone,
    /// far less than this on a machine loaded with other builds.
    /// </summary>
    private static readonly TimeSpan HangAfter = TimeSpan.FromMinutes(2);

    private readonly Process _process;
    private readonly List<string> _lines = [];
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ServerProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => OnLine(e.Data);
        _process.ErrorDataReceived += (_, e) => OnLine(e.Data);
    }

    public Uri Url { get; private set; } = null!;
    public string ProjectId { get; private set; } = "";
    public string Secret { get; private set; } = "";
    public int ExitCode => _process.ExitCode;
    public int ProcessId => _process.Id;

    public string Output
    {
        get { lock (_lines) { return string.Join('\n', _lines); } }
    }

    public static ProcessStartInfo StartInfo(params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "Stytch.Fake.Server.dll");
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(dll);
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        return info;
    }

    public static Task<ServerProcess> StartAsync(params string[] args) => StartAsync(StartInfo(args));

    /// <summary>Runs the server until it exits by itself (a start it refuses), with what it printed on each stream.</summary>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunToExitAsync(params string[] args)
    {
        using var process = Process.Start(StartInfo(args))!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        using var hang = new CancellationTokenSource(HangAfter);
        try
        {
            await process.WaitForExitAsync(hang.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"stytch-fake {string.Join(' ', args)} did not exit within {HangAfter.TotalMinutes} minutes.");
        }

        return (process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Starts any build of the server (e.g. the installed .NET tool) and waits for its banner.</summary>
    public static async Task<ServerProcess> StartAsync(ProcessStartInfo info)
    {
        var server = new ServerProcess(Process.Start(info)!);
        server._process.BeginOutputReadLine();
        server._process.BeginErrorReadLine();
        var exited = server._process.WaitForExitAsync();
        var first = await Task.WhenAny(server._ready.Task, exited, Task.Delay(HangAfter));
        if (first != server._ready.Task)
        {
            var why = first == exited ? "exited before it was ready" : $"printed no banner within {HangAfter.TotalMinutes} minutes";
            await server.DisposeAsync();
            throw new InvalidOperationException($"The server {why}:\n" + server.Output);
        }

        return server;
    }

    /// <summary>Sends SIGTERM, as a process manager would, and waits for the exit.</summary>
    public async Task TerminateAsync()
    {
        await SendSigtermAsync();
        using var timeout = new CancellationTokenSource(HangAfter);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new InvalidOperationException($"The server did not exit within {HangAfter.TotalMinutes} minutes of SIGTERM:\n{Output}");
        }
    }

    /// <summary>Sends SIGTERM and returns at once: the server starts shutting down.</summary>
    public async Task SendSigtermAsync()
    {
        using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
    }

    /// <summary>SIGKILL: the process ends at once with no chance to clean up, as a crash or an out-of-memory kill would.</summary>
    public async Task KillAsync()
    {
        _process.Kill();
        await _process.WaitForExitAsync();
    }

    /// <summary>Waits until the server prints a line containing <paramref name="text"/>; fails when it hangs or exits first.</summary>
    public async Task WaitForLineAsync(string text)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(HangAfter.TotalSeconds * Stopwatch.Frequency);
        while (!Output.Contains(text, StringComparison.Ordinal))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The server exited before printing '{text}':\n{Output}");
            }

            if (Stopwatch.GetTimestamp() > deadline)
            {
                throw new InvalidOperationException($"The server printed no '{text}' within {HangAfter.TotalMinutes} minutes:\n{Output}");
            }

            await Task.Delay(20);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    [GeneratedRegex(@"listening on (\S+)")]
    private static partial Regex UrlLine();

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_lines) { _lines.Add(line); }
        if (UrlLine().Match(line) is { Success: true } m)
        {
            Url = new Uri(m.Groups[1].Value);
        }
        else if (line.StartsWith("project_id:", StringComparison.Ordinal))
        {
            ProjectId = line["project_id:".Length..].Trim();
        }
        else if (line.StartsWith("secret:", StringComparison.Ordinal))
        {
            Secret = line["secret:".Length..].Trim();
        }
        else if (line.StartsWith("Press Ctrl+C", StringComparison.Ordinal))
        {
            _ready.TrySetResult();
        }
    }
}
