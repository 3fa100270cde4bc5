namespace SiteGen.Load;

/// <summary>One report file as loaded from disk (or from the load cache): its validated front matter, where its body starts, the SHA-256 of its bytes and the links of its body that may name files beside it (attachments); the body itself is re-read at render time so memory does not grow with the archive.</summary>
public sealed record ContentFile(
    string FullPath,
    string RelativePath,
    FrontMatter FrontMatter,
    int BodyOffset,
    int BodyLine,
    byte[] SourceHash,
    IReadOnlyList<BodyLink> Links);
