namespace Xinfang.Web.Features.Categories;

/// <summary>One category of the two-level taxonomy, flattened for pickers: "劳动和社会保障 › 欠薪".</summary>
public sealed record CategoryOption(string Code, string Name, string? Parent, bool IsActive)
{
    public bool IsTop => Parent is null;

    public string Label => Parent is null ? Name : $"{Parent} › {Name}";

    /// <summary>Parents first, each followed by its children, in the taxonomy's order.</summary>
    public static async Task<IReadOnlyList<CategoryOption>> ListAsync(CategoryEditor editor, CancellationToken cancellationToken = default) =>
        (await editor.TreeAsync(cancellationToken))
            .SelectMany(top => new[] { new CategoryOption(top.Code, top.Name, null, top.IsActive) }
                .Concat(top.Children.Select(c => new CategoryOption(c.Code, c.Name, top.Name, c.IsActive && top.IsActive))))
            .ToList();
}
