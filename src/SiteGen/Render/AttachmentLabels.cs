using SiteGen.Model;

namespace SiteGen.Render;

/// <summary>An attachment as the report layout lists it (<c>report.attachments</c>).</summary>
/// <param name="Name">The text of the first link to the file (<c>附件：报告原文（PDF）</c>), or its file name when the link has no text.</param>
/// <param name="FileName">The published file name, as readers download it (<c>统计表.xlsx</c>).</param>
/// <param name="Href">Its URL under the report's own (percent-encoded, base path included).</param>
/// <param name="Type">Its type label (<c>PDF</c>, <c>XLSX</c>).</param>
/// <param name="Size">Its size label (<c>1.2 MB</c>).</param>
/// <param name="Label">Type and size as the theme words them (i18n <c>attachment_info</c>: <c>PDF，1.2 MB</c>, <c>PDF, 1.2 MB</c>).</param>
/// <param name="MediaType">Its media type (<c>application/pdf</c>), for a link's <c>type</c> attribute.</param>
public sealed record AttachmentView(string Name, string FileName, string Href, string Type, string Size, string Label, string MediaType);

/// <summary>How the theme words an attachment's type and size: <c>attachment_info</c> (<c>{0}，{1}</c>: type, size) and <c>attachment_note</c>
/// (<c>（{0}）</c>: the info as written after a link in the body) from its i18n file; the zh-CN wording when a theme lacks them.</summary>
public sealed class AttachmentLabels
{
    public static readonly AttachmentLabels Default = new("{0}，{1}", "（{0}）");

    private readonly string _info;
    private readonly string _note;

    private AttachmentLabels(string info, string note)
    {
        _info = info;
        _note = note;
    }

    public static AttachmentLabels From(IReadOnlyDictionary<string, string> strings) =>
        new(strings.GetValueOrDefault("attachment_info") ?? Default._info, strings.GetValueOrDefault("attachment_note") ?? Default._note);

    /// <summary>Type and size: <c>PDF，1.2 MB</c>.</summary>
    public string Info(Attachment attachment) => _info.Replace("{0}", attachment.Type.Label).Replace("{1}", attachment.SizeLabel);

    /// <summary>What follows a link to the file in the body: <c>（PDF，1.2 MB）</c>.</summary>
    public string Note(Attachment attachment) => _note.Replace("{0}", Info(attachment));

    /// <summary>The report's attachments for its page's list, in the order the body first links them; files the body only shows as images are not listed.</summary>
    public IReadOnlyList<AttachmentView> Views(IReadOnlyList<Attachment> attachments) =>
        attachments.Where(a => a.Listed).Select(a => new AttachmentView(a.Title.Length > 0 ? a.Title : a.FileName, a.FileName, a.Href,
            a.Type.Label, a.SizeLabel, Info(a), a.Type.MediaType)).ToList();
}
