using SiteGen.Server;

namespace SiteGen.Tests.Serve;

public sealed class ServedPathTests
{
    [Theory]
    [InlineData("../secret.txt")]
    [InlineData("reports/../../secret.txt")]
    [InlineData("./index.html")]
    [InlineData(".sitegen-output")]
    [InlineData("reports\\..\\..\\secret.txt")]
    [InlineData("%2e%2e/secret.txt")]
    [InlineData("/etc/passwd")]
    [InlineData("a//b")]
    [InlineData("index.html\0.png")]
    public void Dot_segments_hidden_names_backslashes_and_absolute_paths_are_refused(string relative)
    {
        var root = Directory.CreateTempSubdirectory("sitegen-test-").FullName;
        try
        {
            Assert.Equal(ServedPath.Kind.Refused, ServedPath.Resolve(root, relative).Kind);
        }
        finally
        {
            Directory.Delete(root, true);
        }
    }

    [Fact]
    public void A_folder_maps_to_its_index_and_a_folder_without_slash_asks_for_a_redirect()
    {
        var root = Directory.CreateTempSubdirectory("sitegen-test-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(root, "years", "2024"));

            Assert.Equal((ServedPath.Kind.File, Path.Combine(root, "index.html")), ServedPath.Resolve(root, ""));
            Assert.Equal((ServedPath.Kind.File, Path.Combine(root, "years", "2024", "index.html")), ServedPath.Resolve(root, "years/2024/"));
            Assert.Equal(ServedPath.Kind.FolderWithoutSlash, ServedPath.Resolve(root, "years/2024").Kind);
        }
        finally
        {
            Directory.Delete(root, true);
        }
    }

    [Fact]
    public void A_link_planted_in_the_output_folder_is_not_followed()
    {
        var root = Directory.CreateTempSubdirectory("sitegen-test-").FullName;
        try
        {
            File.CreateSymbolicLink(Path.Combine(root, "passwd.html"), "/etc/passwd");

            Assert.Equal(ServedPath.Kind.Refused, ServedPath.Resolve(root, "passwd.html").Kind);
        }
        finally
        {
            Directory.Delete(root, true);
        }
    }
}
