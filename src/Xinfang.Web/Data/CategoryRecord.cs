using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Xinfang.Domain.Intake;

namespace Xinfang.Web.Data;

/// <summary>A content category (内容分类) as stored; administrators edit the taxonomy.</summary>
public sealed class CategoryRecord
{
    public string Code { get; set; } = "";

    public string Name { get; set; } = "";

    public string? ParentCode { get; set; }

    public bool IsActive { get; set; } = true;

    public Category ToDomain() => new(Code, Name, ParentCode);
}

public sealed class CategoryConfiguration : IEntityTypeConfiguration<CategoryRecord>
{
    public void Configure(EntityTypeBuilder<CategoryRecord> builder)
    {
        builder.ToTable("categories");
        builder.HasKey(c => c.Code);
        builder.Property(c => c.Code).HasMaxLength(64);
        builder.Property(c => c.Name).HasMaxLength(32);
        builder.Property(c => c.ParentCode).HasMaxLength(64);
        builder.HasOne<CategoryRecord>().WithMany().HasForeignKey(c => c.ParentCode).OnDelete(DeleteBehavior.Restrict);
    }
}
