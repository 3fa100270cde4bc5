namespace SiteGen.Load;

/// <summary>One report file as loaded from disk: its validated front matter and where its body starts; the body itself is re-read at render time so memory does not grow with the archive.</summary>
public sealed record ContentFile(
    string FullPath,
    string RelativePath,
    FrontMatter FrontMatter,
    int BodyOffset,
    int BodyLine);
