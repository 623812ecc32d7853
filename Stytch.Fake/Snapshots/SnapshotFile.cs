using System.Security.Cryptography;
using System.Text;

namespace Stytch.Fake.Snapshots;

/// <summary>
/// Writes snapshot files so that no crash leaves one half-written, and so that nobody but their owner can read them:
/// they hold signing keys, session tokens and codes.
/// </summary>
internal static class SnapshotFile
{
    /// <summary>
    /// Writes <paramref name="content"/> to a new file beside <paramref name="path"/> (owner read/write only on Unix, set
    /// as the file is created), flushes it to disk, then renames it over <paramref name="path"/>: a reader sees the old
    /// file or the new one, never part of one. <paramref name="halfway"/> runs with half the bytes written, so a test
    /// can stop the process there.
    /// </summary>
    public static async Task WriteAsync(string path, string content, Func<CancellationToken, Task>? halfway = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var target = Path.GetFullPath(path);
        // The same directory, so the rename stays within one file system and is atomic.
        var temp = Path.Combine(
            Path.GetDirectoryName(target) ?? throw new ArgumentException($"'{path}' names no file.", nameof(path)),
            $".{Path.GetFileName(target)}.{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6))}.tmp");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            // Passed to open(2), so the file is never readable by others, not even before a chmod.
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        var bytes = Encoding.UTF8.GetBytes(content);
        try
        {
            var stream = new FileStream(temp, options);
            await using (stream.ConfigureAwait(false))
            {
                var half = bytes.Length / 2;
                await stream.WriteAsync(bytes.AsMemory(0, half), cancellationToken).ConfigureAwait(false);
                if (halfway is not null)
                {
                    await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
                    await halfway(cancellationToken).ConfigureAwait(false);
                }

                await stream.WriteAsync(bytes.AsMemory(half), cancellationToken).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, target, overwrite: true);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    private static void TryDelete(string file)
    {
        try
        {
            File.Delete(file);
        }
        catch (IOException)
        {
            // Best effort: the original error is the one to report.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }
    }
}
