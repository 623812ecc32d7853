using Stytch.Fake.Snapshots;
namespace Stytch.Fake.Tests.Wire;

/// <summary>Snapshot files written in process: atomic, owner-only, and loadable again.</summary>
// File modes are Unix permissions; the Windows build keeps the directory's ACLs.
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class SnapshotFileTests
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private string _directory = "";

    private string FilePath => Path.Combine(_directory, "state.json");

    [SetUp]
    public void CreateDirectory() =>
        _directory = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"stytch-fake-{Guid.NewGuid():N}")).FullName;

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(_directory, recursive: true);

    [Test]
    public async Task SaveSnapshotAsync_NewFile_IsOwnerOnlyAndLoadsIntoAnotherProject()
    {
        await using var stytch = await StytchFake.StartAsync();
        stytch.DefaultProject.Users.Create("ada@example.com");

        await stytch.DefaultProject.SaveSnapshotAsync(FilePath);

        var other = stytch.CreateProject();
        other.ImportSnapshot(await File.ReadAllTextAsync(FilePath));
        Assert.Multiple(() =>
        {
            Assert.That(File.GetUnixFileMode(FilePath), Is.EqualTo(OwnerOnly));
            Assert.That(other.Users.All.Select(u => u.Email), Is.EqualTo(new[] { "ada@example.com" }));
            Assert.That(Directory.GetFiles(_directory), Is.EqualTo(new[] { FilePath }));
        });
    }

    [Test]
    public async Task SaveSnapshotAsync_OverAWorldReadableFile_ReplacesItOwnerOnly()
    {
        // A frozen clock, so a second export is the same document.
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero));
        await using var stytch = await StytchFake.StartAsync(new StytchFakeOptions { Project = new StytchProjectOptions { TimeProvider = time } });
        await File.WriteAllTextAsync(FilePath, "old");
        File.SetUnixFileMode(FilePath, OwnerOnly | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        await stytch.DefaultProject.SaveSnapshotAsync(FilePath);

        Assert.Multiple(async () =>
        {
            Assert.That(File.GetUnixFileMode(FilePath), Is.EqualTo(OwnerOnly));
            Assert.That(await File.ReadAllTextAsync(FilePath), Is.EqualTo(stytch.DefaultProject.ExportSnapshot()));
        });
    }

    [Test]
    public async Task WriteAsync_Halfway_TheNewFileIsOwnerOnlyAndTheOldOneUntouched()
    {
        await File.WriteAllTextAsync(FilePath, "old");
        string[] during = [];
        UnixFileMode mode = default;

        await SnapshotFile.WriteAsync(FilePath, new string('x', 10_000), _ =>
        {
            during = Directory.GetFiles(_directory).Where(f => f != FilePath).ToArray();
            mode = File.GetUnixFileMode(during.Single());
            Assert.That(File.ReadAllText(FilePath), Is.EqualTo("old"));
            return Task.CompletedTask;
        });

        Assert.Multiple(() =>
        {
            Assert.That(during, Has.Length.EqualTo(1));
            Assert.That(mode, Is.EqualTo(OwnerOnly));
            Assert.That(File.ReadAllText(FilePath), Is.EqualTo(new string('x', 10_000)));
        });
    }

    [Test]
    public async Task WriteAsync_FailingHalfway_LeavesTheOldFileAndNoTempFile()
    {
        await File.WriteAllTextAsync(FilePath, "old");

        Assert.That(async () => await SnapshotFile.WriteAsync(FilePath, "new content", _ => throw new IOException("disk full")),
            Throws.InstanceOf<IOException>());

        Assert.Multiple(() =>
        {
            Assert.That(File.ReadAllText(FilePath), Is.EqualTo("old"));
            Assert.That(Directory.GetFiles(_directory), Is.EqualTo(new[] { FilePath }));
        });
    }
}
