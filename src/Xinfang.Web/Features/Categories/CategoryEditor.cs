using Microsoft.EntityFrameworkCore;
using Xinfang.Domain.Intake;
using Xinfang.Domain.Shared;
using Xinfang.Web.Data;

namespace Xinfang.Web.Features.Categories;

public sealed record CategoryInput(string Code, string Name, string? ParentCode = null, bool IsActive = true);

public sealed record CategoryNode(string Code, string Name, bool IsActive, IReadOnlyList<CategoryNode> Children);

/// <summary>The two-level content taxonomy: read as a tree, edited by administrators, seeded from REFERENCE.md §6.1.</summary>
public sealed class CategoryEditor(XinfangDb db, ReferenceData reference)
{
    public async Task<IReadOnlyList<CategoryNode>> TreeAsync(CancellationToken cancellationToken = default)
    {
        var all = await db.Set<CategoryRecord>().AsNoTracking().ToListAsync(cancellationToken);
        var children = all.ToLookup(c => c.ParentCode);
        IReadOnlyList<CategoryNode> Level(string? parent) =>
            children[parent].OrderBy(c => c.Code, StringComparer.Ordinal).Select(c => new CategoryNode(c.Code, c.Name, c.IsActive, Level(c.Code))).ToList();
        return Level(null);
    }

    public async Task<Result<CategoryNode>> SaveAsync(CategoryInput input, bool creating, CancellationToken cancellationToken = default)
    {
        var existing = await db.Set<CategoryRecord>().ToListAsync(cancellationToken);
        var record = existing.FirstOrDefault(c => c.Code == input.Code);
        if (creating && record is not null)
        {
            return Error.Conflict("category.code-taken", "分类代码已存在", $"分类代码 {input.Code} 已存在。");
        }

        if (!creating && record is null)
        {
            return Error.NotFound("category.not-found", $"分类 {input.Code} 不存在。");
        }

        var others = existing.Where(c => c.Code != input.Code).Select(c => c.ToDomain()).ToList();
        var validated = Domain.Intake.Categories.Validate(new Category(input.Code?.Trim() ?? "", input.Name?.Trim() ?? "", NullIfEmpty(input.ParentCode)), others);
        if (!validated.TryGet(out var category, out var error))
        {
            return error;
        }

        if (record is null)
        {
            record = new CategoryRecord { Code = category.Code };
            db.Add(record);
        }

        record.Name = category.Name;
        record.ParentCode = category.ParentCode;
        record.IsActive = input.IsActive;
        await db.SaveChangesAsync(cancellationToken);
        reference.Invalidate();
        return new CategoryNode(record.Code, record.Name, record.IsActive, []);
    }

    public static async Task SeedAsync(XinfangDb db, CancellationToken cancellationToken = default)
    {
        if (await db.Set<CategoryRecord>().AnyAsync(cancellationToken))
        {
            return;
        }

        // Parents first, so the foreign key is satisfied in one save.
        foreach (var c in Domain.Intake.Categories.Defaults.OrderBy(c => c.ParentCode is null ? 0 : 1))
        {
            db.Add(new CategoryRecord { Code = c.Code, Name = c.Name, ParentCode = c.ParentCode });
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
