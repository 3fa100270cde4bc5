using System.Text.RegularExpressions;

namespace SiteGen.Import;

/// <summary>What an agency's name looks like: the endings of government bodies, the name a title or a sentence gives, short forms (<c>区卫健委</c>) and their full names where the page gives them.</summary>
internal static partial class AgencyName
{
    /// <summary>Endings of the bodies that publish reports: governments and their departments, towns, streets, development zones.</summary>
    private const string Organs = "人民政府|政府|管理委员会|管委会|委员会|街道办事处|办事处|街道|局|委|厅|部|署|办公室|办|中心|院|所|站|队|处|馆|镇|乡|苏木|开发区|园区|示范区|新区|试验区|合作区";

    /// <summary>A place named on its own stands for its government (<c>静海区2023年度…报告</c>, <c>2024年，楚雄市坚持…</c>).</summary>
    private const string Places = "省|市|区|县|旗|州|盟";

    /// <summary>True for a line that names an agency: short, no punctuation or digits, ending like 局, 委员会, 政府, 镇, 街道.</summary>
    public static bool LooksLikeAgency(string line) =>
        line.Length is >= 3 and <= 40 && !Punctuation().IsMatch(line) && !line.Any(char.IsAsciiDigit) && OrganEnd().IsMatch(line);

    /// <summary>The agency a title names: before the year (<c>××局2024年…</c>, <c>××局关于2024年度…</c>), after it (<c>2024年××局法治政府…</c>) or before the subject of a title without a year.</summary>
    public static string? FromTitle(string title)
    {
        var m = BeforeYear().Match(title);
        var name = m.Success ? m.Groups["a"].Value
            : AfterYear().Match(title) is { Success: true } after ? after.Groups["a"].Value
            : WithoutYear().Match(title) is { Success: true } plain ? plain.Groups["a"].Value
            : null;
        if (name is null) return null;
        name = name.Trim();
        if (name.EndsWith("关于", StringComparison.Ordinal)) name = name[..^2];
        return IsName(name) ? GovernmentOfJointIssuers(name) : null;
    }

    /// <summary>A report issued jointly by a party committee and a government (<c>中共××省委 ××省人民政府</c>) is the government's.</summary>
    private static string GovernmentOfJointIssuers(string name)
    {
        var m = JointIssuers().Match(name);
        return m.Success ? m.Groups["gov"].Value : name;
    }

    /// <summary>The agency an opening sentence names as its subject: <c>2025年，大中街道在区委…</c>, <c>2024年，在县委的领导下，巫山县司法局坚持…</c>, <c>2024年，广西-东盟经济技术开发区（以下简称…）</c>.</summary>
    public static string? FromOpening(string sentence)
    {
        var s = OpeningLead().Replace(sentence, "", 1);
        s = LeadingClause().Replace(s, "", 1);
        var m = Subject().Match(s);
        if (m.Success && IsName(m.Groups["a"].Value) && !PartyCommittee().IsMatch(m.Groups["a"].Value)) return m.Groups["a"].Value;
        // 本报告…结合2022年××局政府信息公开工作编制: the name between a year and the subject of the report.
        var named = YearThenAgency().Match(sentence);
        return named.Success && IsName(named.Groups["a"].Value) ? named.Groups["a"].Value : null;
    }

    /// <summary>A proper name, not a word standing for one (<c>我局</c>, <c>本街道</c>, <c>街道</c>, <c>关于报送…</c>): it ends like an agency or a place.</summary>
    private static bool IsName(string name) => name.Length >= 2 && !Pronoun().IsMatch(name) && !KindOnly().IsMatch(name) && NameEnd().IsMatch(name);

    /// <summary>True for a name that leaves out its place (<c>市人社局</c>, <c>区卫健委</c>, <c>县司法局</c>, <c>省政府</c>, <c>教育和体育局</c>): only the full name the page gives elsewhere identifies the agency.
    /// A name with a place the divisions data does not know (<c>某某县司法局</c>) is not short: it names its place.</summary>
    public static bool IsShortForm(string name) =>
        name.Length >= 2 && !RegionLookup.StartsWithPlace(name)
        && (Places.Contains(name[0]) || (LocalOrgan().IsMatch(name) && !Central().IsMatch(name) && name.IndexOfAny(PlaceChars) < 0));

    private static readonly char[] PlaceChars = [.. Places.Replace("|", "", StringComparison.Ordinal), '镇', '乡'];

    /// <summary>True for a name that abbreviates its department (<c>新田县卫健系统</c>, <c>××区人社局</c>).</summary>
    public static bool IsAbbreviated(string name) => Abbreviation().IsMatch(name) || name.EndsWith("系统", StringComparison.Ordinal);

    /// <summary>The full name a page gives for a short or abbreviated one: a name in <paramref name="text"/> that starts with a place and contains the short form's characters in order (<c>区卫健委</c> → <c>滨江区卫生健康委员会</c>), or that a <c>（以下简称“…”）</c> defines; null when the page gives none.</summary>
    public static string? Expand(string name, string text)
    {
        foreach (Match m in Defined().Matches(text))
        {
            if (m.Groups["short"].Value != name) continue;
            var full = m.Groups["full"].Value;
            var at = RegionLookup.PlacesIn(full).Select(p => p.Start).DefaultIfEmpty(-1).First();
            if (at >= 0) return full[at..];
        }

        var stem = name.EndsWith("系统", StringComparison.Ordinal) ? name[..^2] : name;
        var place = RegionLookup.PlacePrefix(stem);
        if (place.Length == 0 && Places.Contains(stem[0])) place = stem[..1];
        var body = stem[place.Length..];
        if (body.Length == 0) return null;
        return NamesIn(text)
            .Where(n => n.Name != name && n.Name.Length > stem.Length && Fits(n.Name, place, body, systemWide: stem != name))
            .GroupBy(n => n.Name, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.First().Start)
            .Select(g => g.Key).FirstOrDefault();
    }

    /// <summary>Whether the full name <paramref name="full"/> is the short form: the same place (or a place of the same level) and the short body's characters in order.</summary>
    private static bool Fits(string full, string place, string body, bool systemWide)
    {
        var fullPlace = RegionLookup.PlacePrefix(full);
        if (fullPlace.Length == 0) return false;
        // 区卫健委 is a district's; 滨江区人社局 is 滨江区's (perhaps written 杭州市滨江区); 教育和体育局 may be anyone's.
        if (place.Length > 0 && !fullPlace.EndsWith(place, StringComparison.Ordinal) && !place.EndsWith(fullPlace, StringComparison.Ordinal)) return false;
        var rest = full[fullPlace.Length..];
        // 卫健系统: the system is headed by a bureau or commission whose name holds the abbreviation.
        if (systemWide && !SystemHead().IsMatch(rest)) return false;
        if (!systemWide && rest[^1] != body[^1] && !EndsLikeCommittee(rest, body[^1])) return false;
        var i = 0;
        foreach (var c in rest)
            if (i < body.Length && c == body[i]) i++;
        return i == body.Length;
    }

    /// <summary>A short form ending with 委 fits a full name ending with 委员会.</summary>
    private static bool EndsLikeCommittee(string rest, char last) => last == '委' && rest.EndsWith("委员会", StringComparison.Ordinal);

    /// <summary>Agency names in <paramref name="text"/>: a place followed by a name ending like an agency, without punctuation in between.</summary>
    public static IEnumerable<(string Name, int Start)> NamesIn(string text)
    {
        foreach (var (start, placeLength) in RegionLookup.PlacesIn(text))
        {
            var end = start + placeLength;
            var limit = Math.Min(text.Length, start + 30);
            while (end < limit && IsNameChar(text[end])) end++;
            var run = text[start..end];
            var m = OrganInRun().Match(run, placeLength);
            if (m.Success) yield return (run[..(m.Index + m.Length)], start);
        }
    }

    private static bool IsNameChar(char c) => c is >= '\u4e00' and <= '\u9fff' || c is '-' or '－' or '—';

    [GeneratedRegex("[，。；：、,;:！？!?（）()《》“”\"]")]
    private static partial Regex Punctuation();

    [GeneratedRegex("(" + Organs + "|系统)$")]
    private static partial Regex OrganEnd();

    [GeneratedRegex("(" + Organs + ")")]
    private static partial Regex OrganInRun();

    [GeneratedRegex(@"^(?<a>.+?)(关于)?(19|20)\d{2}\s*年")]
    private static partial Regex BeforeYear();

    [GeneratedRegex(@"^(19|20)\d{2}\s*年度?(?<a>.+?)(关于|法治政府|法治建设|依法行政|法治|政府信息公开|政务公开|信息公开|年度|工作)")]
    private static partial Regex AfterYear();

    // A title without a year: the agency ends with its kind of body and is followed by the subject (××局法治政府建设工作报告).
    [GeneratedRegex(@"^(?<a>.{2,30}?(局|委员会|人民政府|办公室|厅|委))(关于|法治|依法|政府信息公开)")]
    private static partial Regex WithoutYear();

    [GeneratedRegex(@"^中共.{2,20}?委(员会)?\s*(?<gov>.{2,20}?(人民政府|政府))$")]
    private static partial Regex JointIssuers();

    [GeneratedRegex(@"^(我|本|全|该|各|有关|上述|关于|根据|按照)")]
    private static partial Regex Pronoun();

    [GeneratedRegex("^(" + Organs + "|" + Places + ")$")]
    private static partial Regex KindOnly();

    [GeneratedRegex("(" + Organs + "|" + Places + "|街|系统)$")]
    private static partial Regex NameEnd();

    // 区委、县委、党委、党工委: the party committee leads; it is not the reporting agency.
    [GeneratedRegex(@"([省市区县州旗盟]委|党委|党工委|党组)$")]
    private static partial Regex PartyCommittee();

    [GeneratedRegex(@"^\s*((19|20)\d{2}\s*年度?(以来|来)?|一年来|今年以来|过去一年|近年来)\s*[，,、]?\s*")]
    private static partial Regex OpeningLead();

    [GeneratedRegex(@"^在[^，,。；]{2,60}?(领导|指导|支持|关心|部署|监督|帮助)下\s*[，,]?\s*")]
    private static partial Regex LeadingClause();

    // The shortest name ending like an agency or a place, followed by what starts a predicate.
    [GeneratedRegex(@"^(?<a>[\u4e00-\u9fff][\u4e00-\u9fff\-－—·]{0,30}?(" + Organs + "|" + Places + @"|街))(?=在|坚持|深入|按|认|紧紧|紧扣|紧密|围绕|始终|以|全面|持续|聚焦|深化|立足|锚定|牢牢|高度|积极|不断|着力|结合|根据|严格|扎实|大力|进一步|切实|主动|全力|强化|加强|统筹|把|将|对|通过|依法|贯彻|落实|践行|秉持|推进|共|累计|先后|已|努力|[（(，,、])")]
    private static partial Regex Subject();

    [GeneratedRegex(@"(19|20)\d{2}\s*年度?(?<a>[\u4e00-\u9fff][\u4e00-\u9fff\-－—·]{1,30}?(" + Organs + "))(法治政府|法治建设|依法行政|政府信息公开|政务公开|信息公开)")]
    private static partial Regex YearThenAgency();

    [GeneratedRegex(@"(?<full>[\u4e00-\u9fff\-－—·]{3,40})[（(]以下简称\s*[“""']?(?<short>[\u4e00-\u9fff]{2,20})[”""']?\s*[）)]")]
    private static partial Regex Defined();

    // 卫健, 市监, 人社, 住建: abbreviations an official name does not use.
    [GeneratedRegex("卫健|卫计|市监|人社|住建|发改|文广旅|文旅")]
    private static partial Regex Abbreviation();

    [GeneratedRegex("(局|委员会|委)$")]
    private static partial Regex SystemHead();

    // Departments every county and city has: without a place the name does not say whose it is.
    [GeneratedRegex("(局|委员会|委|办公室|中心|所|站|队|厅)$")]
    private static partial Regex LocalOrgan();

    [GeneratedRegex("^(国家|中国|国务院|中共中央|中央|全国)")]
    private static partial Regex Central();
}
