using SiteGen.Diagnostics;

namespace SiteGen.Load;

/// <summary>The binary layout of a <see cref="LoadCacheEntry"/>: front matter values are written with their exact .NET types, so a cached report renders exactly like a freshly parsed one.</summary>
internal static class LoadCacheFormat
{
    private enum Plain : byte
    {
        Null, Text, True, False, Integer, Real, List, Map,
    }

    public static void WriteEntry(BinaryWriter w, LoadCacheEntry e)
    {
        w.Write(e.Stamp.Length);
        w.Write(e.Stamp.ModifiedTicks);
        w.Write(e.Stamp.ChangedTicks);
        w.Write(e.Stamp.Inode);
        w.Write(e.SourceHash.Length);
        w.Write(e.SourceHash);
        w.Write(e.BodyOffset);
        w.Write(e.BodyLine);
        WriteFacts(w, e.FrontMatter, e.Links, positions: true);
        w.Write(e.Warnings.Count);
        foreach (var d in e.Warnings)
        {
            w.Write((int)d.Severity);
            w.Write(d.Code);
            w.Write(d.Line);
            w.Write(d.Column);
            w.Write(d.Message);
            WriteText(w, d.Hint);
        }
    }

    /// <summary>Writes what a file says beside its body's text: its front matter and the links in its body, with where each field
    /// and link stands when <paramref name="positions"/> (the cache's record; diagnostics need them). Without positions these are
    /// what the build hashes of every report to tell an edit of a body's text alone from a change that any page may show: a
    /// sentence added above a link moves the link, not what any page shows of it.</summary>
    public static void WriteFacts(BinaryWriter w, FrontMatter m, IReadOnlyList<BodyLink> links, bool positions)
    {
        w.Write(m.Title);
        w.Write(m.Agency);
        w.Write(m.Year);
        WriteList(w, m.Region);
        WriteDate(w, m.Published);
        WriteText(w, m.Type);
        WriteText(w, m.SourceUrl);
        WriteText(w, m.IndexNo);
        WriteText(w, m.DocNo);
        WriteText(w, m.Publisher);
        WriteDate(w, m.Written);
        WriteText(w, m.Topic);
        WriteText(w, m.Slug);
        WriteText(w, m.Summary);
        WriteList(w, m.Tags);
        w.Write(m.Draft);
        w.Write(m.Extra.Count);
        foreach (var (key, value) in m.Extra)
        {
            w.Write(key);
            WritePlain(w, value);
        }
        if (positions)
        {
            w.Write(m.FieldLines.Count);
            foreach (var (key, line) in m.FieldLines)
            {
                w.Write(key);
                w.Write(line);
            }
        }
        w.Write(links.Count);
        foreach (var link in links)
        {
            w.Write(link.Url);
            w.Write(link.Text);
            if (positions)
            {
                w.Write(link.Line);
                w.Write(link.Column);
            }
            w.Write(link.IsImage);
        }
    }

    public static LoadCacheEntry ReadEntry(BinaryReader r, string relativePath, long end)
    {
        var stamp = new SourceStamp(r.ReadInt64(), r.ReadInt64(), r.ReadInt64(), r.ReadInt64());
        var hash = r.ReadBytes(r.ReadInt32());
        var bodyOffset = r.ReadInt32();
        var bodyLine = r.ReadInt32();
        var meta = new FrontMatter
        {
            Title = r.ReadString(),
            Agency = r.ReadString(),
            Year = r.ReadInt32(),
            Region = ReadList(r, end),
            Published = ReadDate(r),
            Type = ReadText(r),
            SourceUrl = ReadText(r),
            IndexNo = ReadText(r),
            DocNo = ReadText(r),
            Publisher = ReadText(r),
            Written = ReadDate(r),
            Topic = ReadText(r),
            Slug = ReadText(r),
            Summary = ReadText(r),
            Tags = ReadList(r, end),
            Draft = r.ReadBoolean(),
            Extra = ReadExtra(r, end),
            FieldLines = ReadLines(r, end),
        };
        var links = new BodyLink[Count(r, end)];
        for (var i = 0; i < links.Length; i++) links[i] = new BodyLink(r.ReadString(), r.ReadString(), r.ReadInt32(), r.ReadInt32(), r.ReadBoolean());
        var warnings = new Diagnostic[Count(r, end)];
        for (var i = 0; i < warnings.Length; i++)
            warnings[i] = new Diagnostic((Severity)r.ReadInt32(), r.ReadString(), relativePath, r.ReadInt32(), r.ReadInt32(), r.ReadString(), ReadText(r));
        return new LoadCacheEntry(stamp, hash, bodyOffset, bodyLine, meta, links, warnings);
    }

    private static int Count(BinaryReader r, long end)
    {
        var n = r.ReadInt32();
        // A count larger than the bytes left is corruption, not a reason to allocate gigabytes. The end is passed in, not asked of
        // the stream: a file stream's length is a system call, and this runs six times for each of 10,000 reports.
        if (n < 0 || n > end - r.BaseStream.Position) throw new InvalidDataException("bad count in load cache");
        return n;
    }

    private static SortedDictionary<string, object?> ReadExtra(BinaryReader r, long end)
    {
        var extra = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        for (var n = Count(r, end); n > 0; n--) extra[r.ReadString()] = ReadPlain(r, end);
        return extra;
    }

    private static Dictionary<string, int> ReadLines(BinaryReader r, long end)
    {
        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var n = Count(r, end); n > 0; n--) lines[r.ReadString()] = r.ReadInt32();
        return lines;
    }

    private static void WriteText(BinaryWriter w, string? s)
    {
        w.Write(s is not null);
        if (s is not null) w.Write(s);
    }

    private static string? ReadText(BinaryReader r) => r.ReadBoolean() ? r.ReadString() : null;

    private static void WriteDate(BinaryWriter w, DateOnly? d) => w.Write(d?.DayNumber ?? -1);

    private static DateOnly? ReadDate(BinaryReader r)
    {
        var day = r.ReadInt32();
        return day < 0 ? null : DateOnly.FromDayNumber(day);
    }

    private static void WriteList(BinaryWriter w, IReadOnlyList<string> items)
    {
        w.Write(items.Count);
        foreach (var item in items) w.Write(item);
    }

    private static List<string> ReadList(BinaryReader r, long end)
    {
        var items = new List<string>();
        for (var n = Count(r, end); n > 0; n--) items.Add(r.ReadString());
        return items;
    }

    /// <summary>Writes a value as <see cref="YamlDocument.ToPlain"/> makes it: null, text, boolean, whole or real number, list or mapping.</summary>
    private static void WritePlain(BinaryWriter w, object? value)
    {
        switch (value)
        {
            case null: w.Write((byte)Plain.Null); break;
            case string s: w.Write((byte)Plain.Text); w.Write(s); break;
            case bool b: w.Write((byte)(b ? Plain.True : Plain.False)); break;
            case long l: w.Write((byte)Plain.Integer); w.Write(l); break;
            case double d: w.Write((byte)Plain.Real); w.Write(d); break;
            case IReadOnlyList<object?> list:
                w.Write((byte)Plain.List);
                w.Write(list.Count);
                foreach (var item in list) WritePlain(w, item);
                break;
            case IDictionary<string, object?> map:
                w.Write((byte)Plain.Map);
                w.Write(map.Count);
                foreach (var (key, item) in map)
                {
                    w.Write(key);
                    WritePlain(w, item);
                }
                break;
            default: throw new InvalidDataException($"front matter value of type {value.GetType()} cannot be cached");
        }
    }

    private static object? ReadPlain(BinaryReader r, long end) => (Plain)r.ReadByte() switch
    {
        Plain.Null => null,
        Plain.Text => r.ReadString(),
        Plain.True => true,
        Plain.False => false,
        Plain.Integer => r.ReadInt64(),
        Plain.Real => r.ReadDouble(),
        Plain.List => ReadPlainList(r, end),
        Plain.Map => ReadExtra(r, end),
        _ => throw new InvalidDataException("unknown value tag in load cache"),
    };

    private static List<object?> ReadPlainList(BinaryReader r, long end)
    {
        var items = new List<object?>();
        for (var n = Count(r, end); n > 0; n--) items.Add(ReadPlain(r, end));
        return items;
    }
}
