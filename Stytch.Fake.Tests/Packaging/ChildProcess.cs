using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Stytch.Fake.Tests.Packaging;

/// <summary>
/// Runs a child process to its end and collects its output. A run that goes on far past any plausible time, even on
/// a machine loaded with other builds, is taken for a hang: the process tree is killed and the test fails saying
/// which command hung and what it printed until then.
/// </summary>
internal static class ChildProcess
{
    public static async Task<(int ExitCode, string Output, string Errors)> RunAsync(ProcessStartInfo info, TimeSpan hangAfter, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(info);
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.UseShellExecute = false;
        var output = new StringBuilder();
        var errors = new StringBuilder();
        using var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(errors, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var hang = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        hang.CancelAfter(hangAfter);
        try
        {
            await process.WaitForExitAsync(hang.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            if (cancellation.IsCancellationRequested)
            {
                throw;
            }

            Assert.Fail(string.Create(CultureInfo.InvariantCulture,
                $"{Describe(info)} was still running after {hangAfter.TotalMinutes} minutes, far longer than it takes on a loaded machine: taken for a hang and killed. Its output until then:\n{Text(output)}{Text(errors)}"));
        }

        // The no-argument wait also waits for the last output lines to be read.
        process.WaitForExit();
        return (process.ExitCode, Text(output), Text(errors));
    }

    public static string Describe(ProcessStartInfo info) => string.Join(' ', [Path.GetFileName(info.FileName), .. info.ArgumentList]);

    private static void Append(StringBuilder text, string? line)
    {
        if (line is not null)
        {
            lock (text)
            {
                text.Append(line).Append('\n');
            }
        }
    }

    private static string Text(StringBuilder text)
    {
        lock (text)
        {
            return text.ToString();
        }
    }
}
