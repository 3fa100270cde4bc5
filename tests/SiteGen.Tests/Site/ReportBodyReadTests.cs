using System.Text;
using SiteGen.Diagnostics;
using SiteGen.Load;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Site;

/// <summary>Specifies how a report's body is read again after loading (by the views and the report pages).</summary>
public sealed class ReportBodyReadTests
{
    [Fact]
    public void A_body_read_again_is_the_text_after_the_front_matter_exactly_as_the_loader_decoded_it()
    {
        // Given a report saved with a byte-order mark, CRLF line ends, characters beyond the BMP and a body of several hundred
        // kilobytes (larger than any buffer a small report would rent)
        var body = "\r\n## 一、主要举措\r\n\r\n" + string.Concat(Enumerable.Repeat("依法行政𠀋𡈽，办结案件81起。\r\n", 12_000));
        var text = ("---\n" + TestSite.FrontMatter("红塔区司法局", 2024) + "---\n").Replace("\n", "\r\n") + body;
        using var site = new TestSite().File("content/reports/a.md", [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)]);
        var diagnostics = new DiagnosticBag();
        var file = Assert.Single(ContentLoader.Load(site.PathOf("content"), diagnostics));
        Assert.False(diagnostics.HasErrors, string.Join("\n", diagnostics.Sorted()));

        // When its body is read again
        var read = ContentLoader.ReadBody(file);

        // Then it is every character after the front matter, as the loader's offset counts them
        var decoded = "\uFEFF" + text;
        Assert.Equal(decoded[file.BodyOffset..], read);
        Assert.EndsWith(body, read);
    }

    [Fact]
    public void A_report_of_front_matter_alone_has_an_empty_body()
    {
        // Given a report whose file ends with its front matter
        using var site = new TestSite().File("content/reports/a.md", "---\n" + TestSite.FrontMatter("红塔区司法局", 2024) + "---");
        var file = Assert.Single(ContentLoader.Load(site.PathOf("content"), new DiagnosticBag()));

        // When its body is read again, Then it is empty
        Assert.Equal("", ContentLoader.ReadBody(file));
    }
}
