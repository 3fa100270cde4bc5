using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using SiteGen.Build;
using SiteGen.Load;
using SiteGen.Model;
using SiteGen.Render;
using SiteGen.Tests.Check;
using SiteGen.Tests.Support;
using SiteGen.Views;

namespace SiteGen.Tests.Views;

/// <summary>The pages of issue 15 in a built site: publication status, sections side by side, changes since last year, downloads and the catalogue.</summary>
public sealed class ViewPagesTests
{
    private static readonly string[] County = SampleReports.Region;
    private static string Key(string[] region) => string.Join('/', region);
    private static string StatusPage(string[] region) => $"status/{SiteUrls.Segment(Key(region))}/index.html";
    private static string ComparePage(string[] region, int year) => $"compare/{SiteUrls.Segment(Key(region))}/{year}/index.html";
    private static string ChangesPage(string agency, int year) => $"changes/{SiteUrls.Segment(agency)}/{year}/index.html";
    private static string ReportPage(string agency, int year) => $"reports/{year}/{SiteUrls.Segment(agency)}/index.html";

    /// <summary>An agency's 2023 and 2024 reports: one figure changed (81 → 95), one sentence added, one dropped.</summary>
    private static TestSite TwoYearsOfOneAgency() => new TestSite()
        .Report("a23", "红塔区司法局", 2023, County, "2024-03-01", body: Body("查处违法行为81起。开展培训5次。"))
        .Report("a24", "红塔区司法局", 2024, County, "2025-03-01", body: Body("查处违法行为95起。新建调解室一个。"));

    private static string Body(string measures, string shortcomings = "执法人员不足。") =>
        $"## 一、主要举措和成效\n\n{measures}\n\n## 二、存在的不足和原因\n\n{shortcomings}\n\n## 三、第一责任人职责情况\n\n主要负责人带头学法。\n\n## 四、下一年度工作安排\n\n继续推进。\n";

    [Fact]
    public void The_status_page_shows_each_agency_and_year_as_on_time_late_undated_or_missing_with_counts_and_a_chart()
    {
        // Given one agency that published 2023 on time and 2024 late, and another that published 2023 without a date and skipped 2024
        using var site = new TestSite()
            .Report("a23", "红塔区司法局", 2023, County, "2024-03-01")
            .Report("a24", "红塔区司法局", 2024, County, "2025-04-15")
            .Report("b23", "红塔区教育局", 2023, County);

        // When the site is built
        site.BuildSucceeding();

        // Then the archive's and the county's status pages hold one cell per agency and year, in words, linked to the reports
        foreach (var page in new[] { "status/index.html", StatusPage(County) })
        {
            var html = site.Read(page);
            Assert.Contains($"<td class=\"state-on_time\"><a href=\"/{ReportPage("红塔区司法局", 2023)[..^"index.html".Length]}\">按时公开</a><span class=\"detail\">2024-03-01</span></td>", html);
            Assert.Contains("<td class=\"state-late\"><a href=\"/" + ReportPage("红塔区司法局", 2024)[..^"index.html".Length] + "\">逾期公开</a><span class=\"detail\">2025-04-15，逾期 14 天</span></td>", html);
            Assert.Contains("<td class=\"state-undated\">", html);
            Assert.Contains("<td class=\"state-missing\">未公开</td>", html);
            // the counts per year: 2023 one on time and one undated; 2024 one late and one missing
            Assert.Contains("<tr><th scope=\"row\">2023</th><td>1</td><td>0</td><td>1</td><td>0</td><td>2</td></tr>", html);
            Assert.Contains("<tr><th scope=\"row\">2024</th><td>0</td><td>1</td><td>0</td><td>1</td><td>2</td></tr>", html);
            // and an inline SVG chart labelled by its title and a description giving the totals
            Assert.Contains("role=\"img\" aria-labelledby=\"status-1-chart-title status-1-chart-desc\"", html);
            Assert.Contains("按时公开 1；逾期公开 1；公开日期不详 1；未公开 1。", html);
        }
        // and the region and agency pages link their status page
        Assert.Contains($"href=\"/status/{SiteUrls.Segment(Key(County))}/\"", site.Read($"regions/{SiteUrls.Segment(Key(County))}/index.html"));
        Assert.Contains($"href=\"/status/{SiteUrls.Segment(Key(County))}/\"", site.Read($"agencies/{SiteUrls.Segment("红塔区司法局")}/index.html"));
        Assert.Contains("href=\"/status/\"", site.Read("index.html"));
    }

    [Fact]
    public void A_status_page_of_more_agencies_than_it_lists_counts_those_of_the_regions_below_and_leaves_them_to_their_pages()
    {
        // Given a city with a department of its own and two counties that together have more agencies than a status page lists
        string[] city = ["云南省", "玉溪市"], east = [.. city, "红塔区"], west = [.. city, "江川区"];
        using var site = new TestSite().Report("city", "玉溪市司法局", 2024, city, "2025-03-01");
        var perCounty = ViewPageViews.MaxListedAgencies / 2 + 1;
        for (var i = 0; i < perCounty; i++)
        {
            site.Report($"e{i}", $"红塔区第{i}局", 2024, east, "2025-03-01");
            site.Report($"w{i}", $"江川区第{i}局", 2024, west, "2025-03-01");
        }

        // When the site is built
        site.BuildSucceeding();

        // Then the city's page lists its own department, counts the counties' agencies and lists none of them
        var cityPage = site.Read(StatusPage(city));
        Assert.Contains(">玉溪市司法局</a></th>", cityPage);
        Assert.Contains($"下级地区共有 {2 * perCounty} 个机构", cityPage);
        Assert.DoesNotContain("红塔区第0局", cityPage);
        Assert.DoesNotContain("江川区第0局", cityPage);
        // and it links each county's page, which lists every agency of its county
        foreach (var (county, prefix) in new[] { (east, "红塔区"), (west, "江川区") })
        {
            Assert.Contains($"href=\"/{StatusPage(county)[..^"index.html".Length]}\"", cityPage);
            var countyPage = site.Read(StatusPage(county));
            Assert.Equal(perCounty, Regex.Matches(countyPage, $">{prefix}第\\d+局</a></th>").Count);
            Assert.DoesNotContain("下级地区共有", countyPage);
        }
        // and the archive's page, whose every agency lies in a region below it, lists none and counts them all
        var archive = site.Read("status/index.html");
        Assert.Contains($"下级地区共有 {2 * perCounty + 1} 个机构", archive);
        Assert.DoesNotContain("class=\"status-table\"", archive);
    }

    [Fact]
    public void A_deadline_set_in_site_yml_decides_what_the_status_page_calls_late()
    {
        // Given a site whose deadline is 1 March, and a report published on 2 March
        using var site = new TestSite()
            .File("content/site.yml", "deadlines:\n  法治政府建设年度报告: \"03-01\"\n")
            .Report("a", "红塔区司法局", 2024, County, "2025-03-02");

        // When it is built
        site.BuildSucceeding();

        // Then the report is late by one day, and the page states the deadline
        var html = site.Read("status/index.html");
        Assert.Contains("2025-03-02，逾期 1 天", html);
        Assert.Contains("公开期限：次年3月1日前", html);
    }

    [Fact]
    public void The_compare_page_shows_each_required_item_of_every_report_of_a_region_and_year_and_lists_those_lacking_it()
    {
        // Given two reports of one county and year, the second without a section on its shortcomings
        using var site = new TestSite()
            .Report("a", "红塔区人民政府", 2024, County, "2025-03-01", body: Body("全年办理行政复议案件12件。", "基层执法力量薄弱。"))
            .Report("b", "红塔区司法局", 2024, County, "2025-03-01",
                body: "## 一、主要举措和成效\n\n开展普法活动30场。\n\n## 二、下一步工作打算\n\n继续推进。\n");

        // When the site is built
        site.BuildSucceeding();

        // Then the compare page has each item with each report's text under its agency, and names the report that lacks it
        var html = site.Read(ComparePage(County, 2024));
        var measures = html[html.IndexOf("<h2 id=\"item-1\">", StringComparison.Ordinal)..html.IndexOf("<h2 id=\"item-2\">", StringComparison.Ordinal)];
        Assert.True(measures.IndexOf("全年办理行政复议案件12件。", StringComparison.Ordinal) < measures.IndexOf("开展普法活动30场。", StringComparison.Ordinal));
        Assert.Contains("<h3>红塔区人民政府</h3>", measures);
        var shortcomings = html[html.IndexOf("<h2 id=\"item-2\">", StringComparison.Ordinal)..html.IndexOf("<h2 id=\"item-3\">", StringComparison.Ordinal)];
        Assert.Contains("基层执法力量薄弱。", shortcomings);
        Assert.Contains($"未报告此项的报告：<span><a href=\"/reports/2024/{SiteUrls.Segment("红塔区司法局")}/\">红塔区司法局</a></span>", shortcomings);
        // and the report pages and the region page link it
        var href = $"href=\"/compare/{SiteUrls.Segment(Key(County))}/2024/\"";
        Assert.Contains(href, site.Read(ReportPage("红塔区司法局", 2024)));
        Assert.Contains(href, site.Read($"regions/{SiteUrls.Segment(Key(County))}/index.html"));
    }

    [Fact]
    public void The_sections_a_compare_page_finds_are_those_sitegen_check_finds()
    {
        // Given a body whose plan heading mentions measures (check counts it as item 4 only)
        var body = "## 一、2025年推进法治政府建设的工作思路目标举措\n\n继续。\n\n## 二、存在的不足\n\n不足。\n";

        // Then the compare view's lacking items are exactly check's missing ones
        var split = SiteGen.Reports.RequiredSections.Split(body);
        Assert.Equal(SiteGen.Reports.RequiredSections.Missing(body).Select(i => i.Number), split.Missing.Select(i => i.Number));
        Assert.Contains(1, split.Missing.Select(i => i.Number));
    }

    [Fact]
    public void A_report_page_counts_what_changed_since_last_year_and_the_changes_page_shows_a_changed_figure_as_a_change()
    {
        // Given an agency's 2023 and 2024 reports: one figure changed, one sentence added, one dropped
        using var site = TwoYearsOfOneAgency();

        // When the site is built
        site.BuildSucceeding();

        // Then the 2024 report page gives the counts and links the full comparison
        var report = site.Read(ReportPage("红塔区司法局", 2024));
        Assert.Contains("新增 1 句，删去 1 句，数字变化 1 句，未变 3 句", report);
        Assert.Contains($"href=\"/changes/{SiteUrls.Segment("红塔区司法局")}/2024/\"", report);
        Assert.DoesNotContain("/changes/", site.Read(ReportPage("红塔区司法局", 2023)));

        // and the changes page shows the figure as a change (the sentence once, last year's figure beside this year's), not as a removal plus an addition
        var changes = site.Read(ChangesPage("红塔区司法局", 2024));
        Assert.Contains("<li>查处违法行为<mark><del>81</del>→<ins>95</ins></mark>起。</li>", changes);
        // and the added and the dropped sentence each under its own heading
        Assert.Matches("<h3>新增的句子（1 句）</h3>\\s*<ul class=\"sentences\">\\s*<li>新建调解室一个。</li>\\s*</ul>", changes);
        Assert.Matches("<h3>删去的句子（1 句）</h3>\\s*<ul class=\"sentences\">\\s*<li>开展培训5次。</li>\\s*</ul>", changes);
        Assert.DoesNotContain("<li>查处违法行为81起。</li>", changes);
    }

    [Fact]
    public void With_downloads_as_files_each_report_page_links_its_plain_text_and_its_Markdown_with_front_matter()
    {
        // Given a site that writes its downloads as files, and a report with catalogue fields, a comment in its front matter and a draft flag set to false
        using var site = new TestSite().File("content/site.yml", "downloads: files\n").Report("a", "# 编辑备注\n" + TestSite.FrontMatter("红塔区司法局", 2024, County, "2025-03-01", extra: "index_no: \"11530402-2025-00001\"\ndraft: false\n"),
            "## 一、主要举措和成效\n\n**全年**查处违法行为[81起](https://example.org/)。\n");

        // When it is built
        site.BuildSucceeding();

        // Then the page links both files, which sit beside it
        var folder = $"reports/2024/{SiteUrls.Segment("红塔区司法局")}/";
        var name = SiteUrls.Segment("红塔区司法局");
        var page = site.Read(folder + "index.html");
        Assert.Contains($"href=\"/{folder}{name}.txt\" download", page);
        Assert.Contains($"href=\"/{folder}{name}.md\" download", page);
        // the text starts with a BOM and holds the facts and the text without Markdown
        var text = File.ReadAllBytes(Path.Combine(site.Output, folder + name + ".txt"));
        Assert.Equal([0xEF, 0xBB, 0xBF], text[..3]);
        var plain = Encoding.UTF8.GetString(text[3..]);
        Assert.Contains("索引号：11530402-2025-00001", plain);
        Assert.Contains("全年查处违法行为81起。", plain);
        // and the Markdown is the published front matter (no comment, no draft flag) and the body as written, which SiteGen reads back
        var markdown = site.Read(folder + name + ".md");
        Assert.StartsWith("---\ntitle: \"红塔区司法局2024年法治政府建设工作情况报告\"\nagency: \"红塔区司法局\"\n", markdown);
        Assert.DoesNotContain("编辑备注", markdown);
        Assert.DoesNotContain("draft", markdown);
        Assert.Contains("**全年**查处违法行为[81起](https://example.org/)。", markdown);
        using var again = new TestSite().File("content/site.yml", "downloads: files\n").File("content/reports/a.md", markdown);
        again.BuildSucceeding();
        Assert.Equal(site.Read(folder + name + ".md"), again.Read(folder + name + ".md"));
    }

    [Fact]
    public void The_catalogue_lists_every_report_in_csv_with_a_bom_and_in_json_and_the_home_page_links_both()
    {
        // Given two reports, one with a title a spreadsheet would read as a formula and one with a comma
        using var site = new TestSite()
            .Report("a", "红塔区司法局", 2024, County, "2025-03-01", title: "=SUM(A1,A2)")
            .Report("b", "红塔区教育局", 2023, County, extra: "doc_no: \"红教〔2024〕1号, 附件\"\n");

        // When the site is built
        site.BuildSucceeding();

        // Then the CSV starts with a BOM and a header, and each row is one report, neutralised and quoted as RFC 4180 says
        var csv = File.ReadAllBytes(Path.Combine(site.Output, "catalogue.csv"));
        Assert.Equal([0xEF, 0xBB, 0xBF], csv[..3]);
        var lines = Encoding.UTF8.GetString(csv[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("标题,发布机构,省级,市级,县级,年度,发布日期,类别,索引号,发文字号,网址", lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("\"'=SUM(A1,A2)\",红塔区司法局,云南省,玉溪市,红塔区,2024,2025-03-01,法治政府建设年度报告,,,", lines[1]);
        Assert.Contains(",\"红教〔2024〕1号, 附件\",", lines[2]);
        // and the JSON keeps every value exactly
        using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(site.Output, "catalogue.json")));
        var reports = json.RootElement.GetProperty("reports");
        Assert.Equal(2, json.RootElement.GetProperty("count").GetInt32());
        Assert.Equal("=SUM(A1,A2)", reports[0].GetProperty("title").GetString());
        Assert.Equal(["云南省", "玉溪市", "红塔区"], reports[0].GetProperty("region").EnumerateArray().Select(e => e.GetString()));
        var home = site.Read("index.html");
        Assert.Contains("href=\"/catalogue.csv\" download", home);
        Assert.Contains("href=\"/catalogue.json\" download", home);
    }

    [Fact]
    public void Changing_one_report_re_renders_only_the_view_pages_and_downloads_that_show_it()
    {
        // Given two agencies of one county with reports for 2022–2024, built once with their downloads as files
        using var site = new TestSite().File("content/site.yml", "downloads: files\n");
        foreach (var agency in new[] { "红塔区人民政府", "红塔区司法局" })
            for (var year = 2022; year <= 2024; year++)
                site.Report($"{agency}{year}", agency, year, County, SampleReports.Published(year), body: Body($"{agency}查处违法行为{year - 1900}起。"));
        SiteBuilder.Run(new BuildOptions { SiteDir = site.Root });
        var before = Files(site);

        // When one 2023 report's body changes
        var file = site.PathOf("content/reports/红塔区司法局2023.md");
        File.WriteAllText(file, File.ReadAllText(file).Replace("执法人员不足。", "执法人员不足，装备老旧。"));
        var result = SiteBuilder.Run(new BuildOptions { SiteDir = site.Root });
        Assert.True(result.Succeeded);

        // Then what shows its text is written again: its page and downloads, its year's compare page, and the changes pages of 2023
        // and of 2024 (which compares with it); no other view page, download or report page, nor the catalogue (metadata only)
        var segment = SiteUrls.Segment("红塔区司法局");
        Assert.Equal(new[]
        {
            ChangesPage("红塔区司法局", 2023), ChangesPage("红塔区司法局", 2024), ComparePage(County, 2023),
            $"reports/2023/{segment}/{segment}.md", $"reports/2023/{segment}/{segment}.txt", ReportPage("红塔区司法局", 2023),
            ReportPage("红塔区司法局", 2024),
        }.Order(StringComparer.Ordinal), WrittenAgain(before, Files(site)).Where(p => !p.StartsWith("search/", StringComparison.Ordinal)));
        Assert.Contains("装备老旧", site.Read(ComparePage(County, 2023)));
        // and of the four comparisons with a previous year, the two without the changed report are counted from the build state
        Assert.Equal(2, result.ComparisonsFromCache);
    }

    [Fact]
    public void A_report_rewritten_at_length_gets_a_changes_page_that_lists_the_first_sentences_of_each_kind_and_links_the_rest()
    {
        // Given an agency whose 2024 report rewrote its 2023 measures entirely (3,000 sentences each year) and changed one figure
        // (each sentence a different word: the first ten characters below spell 2023's, the last ten 2024's)
        const string Characters = "天地玄黄宇宙洪荒日月盈昃辰宿列张寒来暑往";
        string Word(int year, int i) => string.Concat(Enumerable.Range(0, 4).Select(d => Characters[(year - 2023) * 10 + i / (int)Math.Pow(10, d) % 10]));
        string Measures(int year) => string.Concat(Enumerable.Range(0, 3000).Select(i => $"开展{Word(year, i)}工作。")) + $"查处违法行为{year - 1930}起。";
        using var site = new TestSite()
            .Report("a23", "红塔区司法局", 2023, County, "2024-03-01", body: Body(Measures(2023)))
            .Report("a24", "红塔区司法局", 2024, County, "2025-03-01", body: Body(Measures(2024)));

        // When the site is built
        site.BuildSucceeding();

        // Then the report page counts every sentence
        Assert.Contains("新增 3000 句，删去 3000 句，数字变化 1 句，未变 3 句", site.Read(ReportPage("红塔区司法局", 2024)));
        // and its changes page lists the changed figure and the first sentences added and dropped, and links each year's report for the rest
        var changes = site.Read(ChangesPage("红塔区司法局", 2024));
        Assert.Contains("<li>查处违法行为<mark><del>93</del>→<ins>94</ins></mark>起。</li>", changes);
        var listed = Regex.Matches(changes, "<ul class=\"sentences\">(.*?)</ul>", RegexOptions.Singleline).Sum(list => Regex.Matches(list.Value, "<li>").Count);
        Assert.Equal(ChangeComparer.MaxListed * 2 + 1, listed);
        Assert.Contains($"开展{Word(2024, 0)}工作。", changes);
        Assert.DoesNotContain($"开展{Word(2024, ChangeComparer.MaxListed)}工作。", changes);
        Assert.Contains($"<a href=\"/{ReportPage("红塔区司法局", 2024)[..^"index.html".Length]}\">另有 {3000 - ChangeComparer.MaxListed} 句，见2024年度报告</a>", changes);
        Assert.Contains($"<a href=\"/{ReportPage("红塔区司法局", 2023)[..^"index.html".Length]}\">另有 {3000 - ChangeComparer.MaxListed} 句，见2023年度报告</a>", changes);
    }

    [Fact]
    public void A_changes_page_rendered_again_with_its_counts_from_the_build_state_is_the_one_a_clean_build_makes()
    {
        // Given an agency's 2023 and 2024 reports (a changed figure, an added and a dropped sentence), built once
        using var site = TwoYearsOfOneAgency();
        site.BuildSucceeding();

        // When the site's title changes, so every page is rendered again while the comparison's counts come from the build state
        site.File("content/site.yml", "title: \"红塔区法治政府建设报告库\"\n");
        var result = site.Build();

        // Then the changes page is byte for byte the one a clean build makes
        Assert.True(result.Succeeded);
        Assert.Equal(1, result.ComparisonsFromCache);
        var clean = site.Build(outputDir: site.PathOf("clean"));
        Assert.True(clean.Succeeded);
        Assert.Equal(0, clean.ComparisonsFromCache);
        Assert.Equal(File.ReadAllText(site.PathOf("clean/" + ChangesPage("红塔区司法局", 2024))), site.Read(ChangesPage("红塔区司法局", 2024)));
        Assert.Contains("<mark><del>81</del>→<ins>95</ins></mark>", site.Read(ChangesPage("红塔区司法局", 2024)));
    }

    [Fact]
    public void A_previous_year_report_replaced_by_another_file_is_compared_again_and_not_counted_from_the_build_state()
    {
        // Given an agency's 2023 and 2024 reports, built once
        using var site = TwoYearsOfOneAgency();
        site.BuildSucceeding();

        // When the 2023 report is replaced by another file of the same agency and year, with another figure
        File.Delete(site.PathOf("content/reports/a23.md"));
        site.Report("b23", "红塔区司法局", 2023, County, "2024-03-01", body: Body("查处违法行为60起。开展培训5次。"));
        var result = site.Build();

        // Then the 2024 report is compared with the new file, not counted from what the build state holds for it, and its
        // report and changes pages are those a clean build makes
        Assert.True(result.Succeeded);
        Assert.Equal(0, result.ComparisonsFromCache);
        Assert.Contains("<mark><del>60</del>→<ins>95</ins></mark>", site.Read(ChangesPage("红塔区司法局", 2024)));
        Assert.True(site.Build(outputDir: site.PathOf("clean")).Succeeded);
        foreach (var page in new[] { ChangesPage("红塔区司法局", 2024), ReportPage("红塔区司法局", 2024) })
            Assert.Equal(File.ReadAllText(site.PathOf("clean/" + page)), site.Read(page));
    }

    [Fact]
    public void The_sitemap_lists_the_status_compare_and_changes_pages_and_a_build_without_views_lists_none()
    {
        // Given two agencies of one county with reports for 2023 and 2024
        using var site = new TestSite();
        foreach (var agency in new[] { "红塔区人民政府", "红塔区司法局" })
            for (var year = 2023; year <= 2024; year++)
                site.Report($"{agency}{year}", agency, year, County, SampleReports.Published(year), body: Body($"查处违法行为{year - 1900}起。"));

        // When it is built for an absolute URL
        site.BuildSucceeding(baseUrl: "https://example.gov.cn/");

        // Then the sitemap lists every view page (the archive's and each region's status, each compare and changes page) beside the others
        var locs = Locs(site);
        var expected = new[] { "status/" }
            .Concat(new[] { ["云南省"], ["云南省", "玉溪市"], County }.Select(r => $"status/{SiteUrls.Segment(Key(r))}/"))
            .Concat([ComparePage(County, 2023), ComparePage(County, 2024), ChangesPage("红塔区人民政府", 2024), ChangesPage("红塔区司法局", 2024)])
            .Select(p => "https://example.gov.cn/" + p.Replace("index.html", ""));
        Assert.Subset(locs.ToHashSet(), expected.ToHashSet());
        // (and every other page the site has but its search page)
        var pages = Directory.EnumerateFiles(site.Output, "index.html", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(site.Output, f).Replace('\\', '/')).Where(p => p != "search/index.html");
        Assert.Equal(pages.Select(p => "https://example.gov.cn/" + p.Replace("index.html", "")).Order(StringComparer.Ordinal), locs.Order(StringComparer.Ordinal));

        // and a build without the views lists none of them
        var result = SiteBuilder.Run(new BuildOptions { SiteDir = site.Root, BaseUrl = "https://example.gov.cn/", Views = false });
        Assert.True(result.Succeeded);
        Assert.DoesNotContain(Locs(site), l => l.Contains("/status/") || l.Contains("/compare/") || l.Contains("/changes/"));
    }

    private static List<string> Locs(TestSite site) =>
        System.Xml.Linq.XDocument.Parse(site.Read("sitemap.xml")).Descendants().Where(e => e.Name.LocalName == "loc").Select(e => e.Value).ToList();

    /// <summary>Each file of the output (pages, downloads, catalogue) with its inode: a reused file is the previous build's very file.</summary>
    private static Dictionary<string, long> Files(TestSite site) =>
        Directory.EnumerateFiles(site.Output, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(site.Output, f).Replace('\\', '/'))
            .Where(f => f != "robots.txt")
            .Where(f => f.EndsWith(".html", StringComparison.Ordinal) || f.EndsWith(".txt", StringComparison.Ordinal) || f.EndsWith(".md", StringComparison.Ordinal)
                || f.StartsWith("catalogue.", StringComparison.Ordinal))
            .ToDictionary(f => f, f => SourceStamp.Of(Path.Combine(site.Output, f))!.Value.Inode);

    private static List<string> WrittenAgain(Dictionary<string, long> before, Dictionary<string, long> after) =>
        after.Where(p => !before.TryGetValue(p.Key, out var inode) || inode != p.Value).Select(p => p.Key).Order(StringComparer.Ordinal).ToList();
}
