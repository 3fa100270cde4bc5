using SiteGen.Search;

namespace SiteGen.Tests.Search;

public sealed class ScratchFolderTests : IDisposable
{
    private readonly string _parent = Directory.CreateTempSubdirectory("sitegen-scratch-tests-").FullName;

    public void Dispose() => Directory.Delete(_parent, recursive: true);

    /// <summary>A scratch folder as a killed build leaves it: its spill files and its lock file, which no process holds any more.</summary>
    private string Leftover(string name, bool withLock, TimeSpan age)
    {
        var folder = Path.Combine(_parent, name);
        Directory.CreateDirectory(folder);
        File.WriteAllBytes(Path.Combine(folder, "00.bin"), new byte[1024]);
        if (withLock) File.WriteAllBytes(Path.Combine(folder, ".in-use"), []);
        foreach (var file in Directory.GetFiles(folder)) File.SetLastWriteTimeUtc(file, DateTime.UtcNow - age);
        Directory.SetLastWriteTimeUtc(folder, DateTime.UtcNow - age);
        return folder;
    }

    [Fact]
    public void A_new_scratch_folder_deletes_the_folders_of_builds_that_ended_without_deleting_theirs()
    {
        // Given the folder of a killed build (lock file held by nobody) and one from before lock files, two days old
        var killed = Leftover("sitegen-search-999999-aaaa", withLock: true, TimeSpan.Zero);
        var old = Leftover("sitegen-search-999998-bbbb", withLock: false, TimeSpan.FromDays(2));

        // When a build makes its scratch folder beside them
        using var scratch = new ScratchFolder(_parent);

        // Then both are gone, and its own folder is there
        Assert.False(Directory.Exists(killed));
        Assert.False(Directory.Exists(old));
        Assert.Single(Directory.GetDirectories(_parent, "sitegen-search-*"));
    }

    [Fact]
    public void A_new_scratch_folder_leaves_alone_the_folder_of_a_build_still_running_and_one_just_created()
    {
        // Given a running build's scratch folder (its lock held), and a young folder whose build has not locked it yet
        using var running = new ScratchFolder(_parent);
        var runningFolder = Directory.GetDirectories(_parent, "sitegen-search-*").Single();
        var young = Leftover("sitegen-search-999997-cccc", withLock: false, TimeSpan.FromMinutes(1));

        // When a second build makes its scratch folder
        using var second = new ScratchFolder(_parent);

        // Then both folders are still there, the running build's files with them
        Assert.True(File.Exists(Path.Combine(runningFolder, ".in-use")));
        Assert.True(Directory.Exists(young));
        Assert.Equal(3, Directory.GetDirectories(_parent, "sitegen-search-*").Length);
    }

    [Fact]
    public void A_folder_without_a_lock_file_stays_while_its_spill_files_are_still_written()
    {
        // Given a folder of an earlier SiteGen (no lock file) made two days ago, whose spill file was appended to a minute ago
        var folder = Leftover("sitegen-search-999996-dddd", withLock: false, TimeSpan.FromDays(2));
        File.SetLastWriteTimeUtc(Path.Combine(folder, "00.bin"), DateTime.UtcNow - TimeSpan.FromMinutes(1));

        // When a build makes its scratch folder beside it
        using var scratch = new ScratchFolder(_parent);

        // Then it is left alone
        Assert.True(Directory.Exists(folder));
    }

    [Fact]
    public void A_scratch_folder_is_deleted_when_disposed()
    {
        // Given a scratch folder with a file in it
        var scratch = new ScratchFolder(_parent);
        scratch.Create("00.bin").Dispose();

        // When it is disposed
        scratch.Dispose();

        // Then nothing of it is left
        Assert.Empty(Directory.GetDirectories(_parent));
    }
}
