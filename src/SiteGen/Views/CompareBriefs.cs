namespace SiteGen.Views;

/// <summary>The compare pages' briefs of the reports the comparison of years read, kept in a temporary file until their compare page
/// renders: the page then reads a few hundred bytes per report instead of its whole body, and memory holds none of them.</summary>
/// <remarks>Record per report: per required item, whether the report has it, then its headings, its excerpt, its outline and the
/// outline's full count (UTF-16 texts).</remarks>
public sealed class CompareBriefs : IDisposable
{
    private readonly TemporaryRecords _records = new("the compare pages' briefs");

    public bool Holds(string reportPath) => _records.Holds(reportPath);

    /// <summary>Writes the brief of the report at <paramref name="reportPath"/> (thread-safe).</summary>
    public void Keep(string reportPath, ReportBrief brief) => _records.Write(reportPath, writer =>
    {
        writer.Write7BitEncodedInt(brief.Items.Count);
        foreach (var item in brief.Items)
        {
            writer.Write(item is not null);
            if (item is null) continue;
            WriteList(writer, item.Headings);
            writer.Write(item.Brief.Excerpt);
            WriteList(writer, item.Brief.Outline);
            writer.Write7BitEncodedInt(item.Brief.OutlineCount);
        }
    });

    /// <summary>The brief <see cref="Keep"/> wrote for the report at <paramref name="reportPath"/> (thread-safe), or null.</summary>
    public ReportBrief? Restore(string reportPath) => _records.Read(reportPath, reader =>
    {
        var items = new ItemText?[reader.Read7BitEncodedInt()];
        for (var i = 0; i < items.Length; i++)
        {
            if (!reader.ReadBoolean()) continue;
            var headings = ReadList(reader);
            var excerpt = reader.ReadString();
            var outline = ReadList(reader);
            items[i] = new ItemText(headings, new ItemBrief(excerpt, outline, reader.Read7BitEncodedInt()));
        }
        return new ReportBrief(items);
    });

    private static void WriteList(BinaryWriter writer, IReadOnlyList<string> texts)
    {
        writer.Write7BitEncodedInt(texts.Count);
        foreach (var text in texts) writer.Write(text);
    }

    private static string[] ReadList(BinaryReader reader)
    {
        var texts = new string[reader.Read7BitEncodedInt()];
        for (var i = 0; i < texts.Length; i++) texts[i] = reader.ReadString();
        return texts;
    }

    public void Dispose() => _records.Dispose();
}
