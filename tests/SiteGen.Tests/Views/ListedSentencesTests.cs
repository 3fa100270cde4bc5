using SiteGen.Build;
using SiteGen.Diagnostics;
using SiteGen.Reports;
using SiteGen.Tests.Check;
using SiteGen.Tests.Support;
using SiteGen.Views;

namespace SiteGen.Tests.Views;

/// <summary>The sentences the changes pages list, kept outside memory between the comparison and the page.</summary>
public sealed class ListedSentencesTests
{
    private static string Body(string measures) =>
        $"## 一、主要举措和成效\n\n{measures}\n\n## 二、存在的不足和原因\n\n执法人员不足。\n\n## 三、第一责任人职责情况\n\n主要负责人带头学法。\n\n## 四、下一年度工作安排\n\n继续推进。\n";

    [Fact]
    public void Sentences_kept_for_a_changes_page_come_back_as_the_comparison_listed_them_and_are_not_held_meanwhile()
    {
        // Given two years of a report: a changed figure, a reworded sentence with a changed figure, an added and a dropped sentence
        using var site = new TestSite()
            .Report("a23", "红塔区司法局", 2023, SampleReports.Region, "2024-03-01",
                body: Body("查处违法行为81起。全年共组织开展行政执法人员专题培训12次。开展培训5次。"))
            .Report("a24", "红塔区司法局", 2024, SampleReports.Region, "2025-03-01",
                body: Body("查处违法行为95起。全年共组织开展全区行政执法人员专题培训15次。新建调解室一个。"));
        var (model, _) = SiteBuilder.LoadModel(new BuildOptions { SiteDir = site.Root }, new DiagnosticBag());
        var (previous, current) = (model.Reports.Single(r => r.Year == 2023), model.Reports.Single(r => r.Year == 2024));
        var compared = ChangeComparer.Compare(previous, ReportBodies.Read(previous), current, ReportBodies.Read(current));
        var kinds = compared.Items.SelectMany(i => i.Listed!).Select(s => (s.Kind, s.Reworded)).ToHashSet();
        Assert.Superset(new HashSet<(SentenceChangeKind, bool)>
        {
            (SentenceChangeKind.Changed, false), (SentenceChangeKind.Changed, true), (SentenceChangeKind.Added, false), (SentenceChangeKind.Dropped, false),
        }, kinds);

        // When the comparison is kept
        using var listed = new ListedSentences();
        var counts = listed.Keep(compared);

        // Then what is held is the counts alone
        Assert.All(counts.Items, i => Assert.Null(i.Listed));
        Assert.Equal(compared.Items.Select(i => (i.Item, i.InPrevious, i.InCurrent, i.Counts)), counts.Items.Select(i => (i.Item, i.InPrevious, i.InCurrent, i.Counts)));
        Assert.Equal((compared.Total, compared.Approximate), (counts.Total, counts.Approximate));

        // and the sentences read back for the changes page are those the comparison listed, cut into the same pieces
        var restored = listed.Restore(current.Path, counts)!;
        Assert.Equal(Flat(compared), Flat(restored));
        Assert.Null(listed.Restore(previous.Path, counts));
    }

    private static List<string> Flat(ChangeSummary summary) => summary.Items.SelectMany((item, n) => item.Listed!.Select(s =>
        $"{n}|{s.Kind}|{s.Reworded}|{s.Before ?? "∅"}|{s.After ?? "∅"}|{string.Join('/', s.BeforePieces.Select(p => p.Text + (p.Changed ? "*" : "")))}|{string.Join('/', s.AfterPieces.Select(p => p.Text + (p.Changed ? "*" : "")))}")).ToList();
}
