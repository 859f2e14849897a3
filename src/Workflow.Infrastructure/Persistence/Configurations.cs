using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Workflow.Domain.Catalog;
using Microsoft.AspNetCore.Identity;
using Workflow.Infrastructure.Identity;
using Workflow.Domain.Plans;

namespace Workflow.Infrastructure.Persistence;

internal sealed class AdminUnitConfiguration : IEntityTypeConfiguration<AdminUnit>
{
    public void Configure(EntityTypeBuilder<AdminUnit> b)
    {
        b.ToTable("admin_units");
        b.HasKey(u => u.Code);
        b.Property(u => u.Code).HasMaxLength(64);
        b.Property(u => u.Name).HasMaxLength(256).IsRequired();
        b.Property(u => u.Level).HasConversion<string>().HasMaxLength(16);
        b.Property(u => u.ParentCode).HasMaxLength(64);
        b.HasIndex(u => u.ParentCode);
        b.Property(u => u.SuccessorCode).HasMaxLength(64);
        // rows written before communes had a kind are communes (xã)
        b.Property(u => u.Kind).HasConversion<string>().HasMaxLength(16).HasDefaultValue(CommuneKind.Commune);
        b.Ignore(u => u.IsClosed);
    }
}

internal sealed class AgencyConfiguration : IEntityTypeConfiguration<Agency>
{
    public void Configure(EntityTypeBuilder<Agency> b)
    {
        b.ToTable("agencies");
        b.HasKey(a => a.Code);
        b.Property(a => a.Code).HasMaxLength(64);
        b.Property(a => a.Name).HasMaxLength(256).IsRequired();
        b.Property(a => a.Kind).HasConversion<string>().HasMaxLength(32);
        b.Property(a => a.UnitCode).HasMaxLength(64).IsRequired();
        b.HasOne<AdminUnit>().WithMany().HasForeignKey(a => a.UnitCode).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(a => a.CanLead);
        b.Property(a => a.BudgetRelationshipCode).HasMaxLength(7);
        b.Property(a => a.TreasuryAccount).HasMaxLength(34);
        b.Property(a => a.TreasuryName).HasMaxLength(256);
        b.Property(a => a.TreasuryCode).HasMaxLength(4);
        b.Property(a => a.BudgetChapter).HasMaxLength(3);
        b.Ignore(a => a.BudgetIdentity);
    }
}

internal sealed class CounterpartPolicyConfiguration : IEntityTypeConfiguration<CounterpartPolicy>
{
    public void Configure(EntityTypeBuilder<CounterpartPolicy> b)
    {
        b.ToTable("counterpart_policies");
        b.HasKey(p => p.Id);
        b.Property(p => p.ProvinceCode).HasMaxLength(64).IsRequired();
        b.Property(p => p.Rates).AsJsonRates().HasColumnName("Rates").HasMaxLength(256).IsRequired();
        b.Property(p => p.Basis).HasMaxLength(512);
        b.HasIndex(p => new { p.ProvinceCode, p.FromFiscalYear }).IsUnique();
        b.Ignore(p => p.Terms);
    }
}

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> b)
    {
        // Identity's user, on the table and columns the user store always had
        b.ToTable("users");
        b.Property(u => u.UserName).HasMaxLength(64).IsRequired();
        b.HasIndex(u => u.UserName).IsUnique();
        b.Property(u => u.NormalizedUserName).HasMaxLength(64);
        b.Property(u => u.DisplayName).HasMaxLength(256).IsRequired();
        b.Property(u => u.Position).HasMaxLength(256).IsRequired();
        b.Property(u => u.PasswordHash).HasMaxLength(512);
        b.Property(u => u.AgencyCode).HasMaxLength(64).IsRequired();
        b.Property(u => u.UnitCode).HasMaxLength(64).IsRequired();
        b.Property(u => u.RoleNames).HasMaxLength(256).IsRequired();
        b.HasIndex(u => u.UnitCode);
        b.HasOne<Agency>().WithMany().HasForeignKey(u => u.AgencyCode).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(u => u.Roles);
        b.Ignore(u => u.Signature);
    }
}

internal sealed class TwoFactorRoleConfiguration : IEntityTypeConfiguration<TwoFactorRole>
{
    public void Configure(EntityTypeBuilder<TwoFactorRole> b)
    {
        b.ToTable("two_factor_roles");
        b.HasKey(r => r.Role);
        b.Property(r => r.Role).HasMaxLength(32);
    }
}

internal sealed class UserTokenTables : IEntityTypeConfiguration<IdentityUserToken<Guid>>, IEntityTypeConfiguration<IdentityUserClaim<Guid>>,
    IEntityTypeConfiguration<IdentityUserLogin<Guid>>
{
    public void Configure(EntityTypeBuilder<IdentityUserToken<Guid>> b) => b.ToTable("user_tokens");

    public void Configure(EntityTypeBuilder<IdentityUserClaim<Guid>> b) => b.ToTable("user_claims");

    public void Configure(EntityTypeBuilder<IdentityUserLogin<Guid>> b) => b.ToTable("user_logins");
}

internal sealed class PlanConfiguration : IEntityTypeConfiguration<Plan>
{
    public void Configure(EntityTypeBuilder<Plan> b)
    {
        b.ToTable("plans");
        b.HasKey(p => p.Id);
        b.Property(p => p.Id).ValueGeneratedNever();
        b.Property(p => p.UnitCode).HasMaxLength(64).IsRequired();
        // one plan per unit and year: a second import is a conflict, even when two arrive at once
        b.HasIndex(p => new { p.UnitCode, p.FiscalYear }).IsUnique();
        b.HasOne<AdminUnit>().WithMany().HasForeignKey(p => p.UnitCode).OnDelete(DeleteBehavior.Restrict);
        b.Property(p => p.DecisionNumber).HasMaxLength(128);
        b.Property(p => p.DecisionIssuer).HasMaxLength(256);
        b.Property(p => p.DecisionTitle).HasMaxLength(1024);
        b.Property(p => p.DecisionBasis).HasMaxLength(2048);
        b.Property(p => p.CounterpartRates).AsJsonRates().HasColumnName("CounterpartRates").HasMaxLength(256).IsRequired();
        b.Property(p => p.CreatedBy).HasMaxLength(64).IsRequired();
        b.Property(p => p.Version).IsConcurrencyToken();
        b.Ignore(p => p.Counterpart);
        b.HasMany(p => p.Lines).WithOne().HasForeignKey(l => l.PlanId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(p => p.Lines).HasField("_lines").UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasMany(p => p.Revisions).WithOne().HasForeignKey(r => r.PlanId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(p => p.Revisions).HasField("_revisions").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class PlanLineConfiguration : IEntityTypeConfiguration<PlanLine>
{
    public void Configure(EntityTypeBuilder<PlanLine> b)
    {
        b.ToTable("plan_lines");
        b.HasKey(l => l.Id);
        // the domain assigns ids; a line added to a tracked plan must be inserted, not taken for an existing row
        b.Property(l => l.Id).ValueGeneratedNever();
        b.Property(l => l.ComponentCode).HasMaxLength(16).IsRequired();
        b.Property(l => l.LeadAgencyCode).HasMaxLength(64).IsRequired();
        b.HasIndex(l => new { l.PlanId, l.ComponentCode }).IsUnique();
        b.HasOne<Agency>().WithMany().HasForeignKey(l => l.LeadAgencyCode).OnDelete(DeleteBehavior.Restrict);
        b.MapSourceAmounts(l => l.Amounts);
        b.Ignore(l => l.Total);
    }
}

internal sealed class PlanRevisionConfiguration : IEntityTypeConfiguration<PlanRevision>
{
    public void Configure(EntityTypeBuilder<PlanRevision> b)
    {
        b.ToTable("plan_revisions");
        b.HasKey(r => r.Id);
        b.HasIndex(r => new { r.PlanId, r.Version }).IsUnique();
        b.Property(r => r.ContentJson).IsRequired();
        b.Property(r => r.CreatedBy).HasMaxLength(64).IsRequired();
        b.Property(r => r.Reason).HasMaxLength(1024);
    }
}
