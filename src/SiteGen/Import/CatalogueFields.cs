namespace SiteGen.Import;

/// <summary>The fields of a 政府信息公开 catalogue block (索引号, 发文字号, 主题分类, 发布机构, 发布日期, 成文日期) and the 名称 a table may give.</summary>
internal sealed record CatalogueFields
{
    public string? IndexNo { get; init; }
    public string? DocNo { get; init; }
    public string? Topic { get; init; }
    public string? Publisher { get; init; }
    public DateOnly? Published { get; init; }
    public DateOnly? Written { get; init; }
    public string? Title { get; init; }
}
