namespace SiteGen.Diagnostics;

/// <summary>The catalogue of diagnostic codes, so every code is defined once and documented in one place.</summary>
public static class DiagnosticCodes
{
    // Content files and front matter.
    public const string NoFrontMatter = "SG1001";
    public const string FrontMatterNotClosed = "SG1002";
    public const string YamlSyntax = "SG1003";
    public const string MissingField = "SG1004";
    public const string WrongType = "SG1005";
    public const string InvalidDate = "SG1006";
    public const string RegionDepth = "SG1007";
    public const string DuplicateReport = "SG1008";
    public const string UnknownField = "SG1009";
    public const string InvalidSlug = "SG1010";
    public const string InvalidEncoding = "SG1011";
    public const string UnreadableFile = "SG1012";
    public const string FileTooLarge = "SG1013";
    public const string YearOutOfRange = "SG1014";
    public const string MarkdownTooDeep = "SG1015";
    public const string IncompleteDraft = "SG1016";

    // Model.
    public const string UrlCollision = "SG2001";

    // Site configuration.
    public const string SiteConfig = "SG3001";

    // Theme.
    public const string ThemeTemplate = "SG4001";
    public const string ThemeMissing = "SG4002";

    // Output and environment.
    public const string OutputPath = "SG5001";
    public const string SiteLocked = "SG5002";
    public const string SiteNotFound = "SG5003";
    public const string ContentVanished = "SG5004";

    // sitegen check: content rules and checks of the built output.
    public const string YearAfterPublication = "SG6001";
    public const string MissingSection = "SG6002";
    public const string LatePublication = "SG6003";
    public const string BrokenLink = "SG6004";
    public const string BrokenAnchor = "SG6005";
    /// <summary>A built page links a file the output lacks (a link in raw HTML or a template; a report's own links are checked at build time as SG8001).</summary>
    public const string MissingAttachment = "SG6006";
    public const string EmptyIndexPage = "SG6007";
    public const string MissingLang = "SG6008";
    public const string ImageWithoutAlt = "SG6009";
    public const string SkippedHeadingLevel = "SG6010";
    public const string OutputChecksSkipped = "SG6011";

    // sitegen new and sitegen serve.
    public const string ReportExists = "SG7001";
    public const string InvalidArgument = "SG7002";
    public const string ServeListen = "SG7003";
    public const string ServeOutput = "SG7004";
    public const string BuildCrashed = "SG7005";
    public const string SiteFolderNotEmpty = "SG7006";

    // Attachments: files a report links, published beside its page (found at build time, so `sitegen check` reports them too).
    public const string AttachmentMissing = "SG8001";
    public const string AttachmentOutside = "SG8002";
    public const string AttachmentType = "SG8003";
    public const string AttachmentTooLarge = "SG8004";
    public const string AttachmentUnlinked = "SG8005";
    public const string AttachmentCollision = "SG8006";

    // sitegen verify: a deployed site as its host serves it.
    public const string VerifyUnreachable = "SG9001";
    public const string VerifyBaseUrl = "SG9002";
    public const string VerifyRangeIgnored = "SG9003";
    public const string VerifyContentType = "SG9004";
    public const string VerifySecurityHeader = "SG9005";
    public const string VerifyNotFoundPage = "SG9006";
    public const string VerifySearchIndex = "SG9007";
    public const string VerifyNotASite = "SG9008";
}
