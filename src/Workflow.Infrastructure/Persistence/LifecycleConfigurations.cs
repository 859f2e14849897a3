using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Workflow.Domain.Disbursements;
using Workflow.Domain.Ledger;
using Workflow.Domain.Plans;
using Workflow.Domain.Proposals;
using Workflow.Domain.Settlements;

namespace Workflow.Infrastructure.Persistence;

internal sealed class BudgetBalanceConfiguration : IEntityTypeConfiguration<BudgetBalance>
{
    public void Configure(EntityTypeBuilder<BudgetBalance> b)
    {
        b.ToTable("budget_balances");
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.PlanLineId, x.Source }).IsUnique();
        b.HasIndex(x => x.PlanId);
        b.Property(x => x.Source).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Component).HasMaxLength(16).IsRequired();
        // no foreign key to the line: a line a revision drops keeps its balances (allocated 0) and their history
        // the revision is the concurrency token: two approvals that read one balance cannot both commit against it
        b.Property(x => x.Revision).IsConcurrencyToken();
        b.Property(x => x.HeadHash).HasMaxLength(64).IsRequired();
        b.Ignore(x => x.Uncommitted);
    }
}

internal sealed class LedgerEntryConfiguration : IEntityTypeConfiguration<LedgerEntry>
{
    public void Configure(EntityTypeBuilder<LedgerEntry> b)
    {
        b.ToTable("ledger_entries");
        b.HasKey(x => x.Id);
        b.Property(x => x.Source).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Actor).HasMaxLength(64).IsRequired();
        b.Property(x => x.Note).HasMaxLength(512).IsRequired();
        // each balance row's chain: one entry per place, found by its place
        b.HasIndex(x => new { x.PlanLineId, x.Source, x.Sequence }).IsUnique();
        b.HasIndex(x => x.ProposalId);
        b.HasIndex(x => x.PlanId);
        // the movements a journal entry attests
        b.HasIndex(x => new { x.InstanceId, x.JournalSequence });
        b.Property(x => x.Scheme).HasColumnName("HashScheme");
        b.Property(x => x.KeyId).HasMaxLength(16);
        b.Property(x => x.PreviousHash).HasMaxLength(64).IsRequired();
        b.Property(x => x.Hash).HasMaxLength(64).IsRequired();
        b.Ignore(x => x.IsSealed);
    }
}

internal sealed class ProposalConfiguration : IEntityTypeConfiguration<Proposal>
{
    public void Configure(EntityTypeBuilder<Proposal> b)
    {
        b.ToTable("proposals");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Code).HasMaxLength(32).IsRequired();
        // numbered per unit and year (DossierCode)
        b.HasIndex(x => new { x.UnitCode, x.Code }).IsUnique();
        b.Property(x => x.Component).HasMaxLength(16).IsRequired();
        b.Property(x => x.AgencyCode).HasMaxLength(64).IsRequired();
        b.Property(x => x.UnitCode).HasMaxLength(64).IsRequired();
        b.Property(x => x.Title).HasMaxLength(512).IsRequired();
        // GET /api/search and the lists' q: matched word by word with LIKE '%word%' (a scan of this one column)
        b.Property(x => x.SearchKey).HasMaxLength(600).IsRequired();
        // a code typed into the search box finds its dossier in any unit the caller sees
        b.HasIndex(x => x.Code);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(32);
        b.Property(x => x.ActivityType).HasConversion<string>().HasMaxLength(32);
        b.Property(x => x.AreaType).HasConversion<string>().HasMaxLength(32);
        b.Property(x => x.Communes).AsJsonList().HasColumnName("Communes");
        b.Property(x => x.Attachments).AsJsonList().HasColumnName("Attachments");
        b.Property(x => x.PlannedOutputs).AsJsonDocument();
        b.MapSourceAmounts(x => x.Split);
        b.Property(x => x.DecisionNumber).HasMaxLength(128);
        b.Property(x => x.CreatedBy).HasMaxLength(64).IsRequired();
        b.Property(x => x.Revision).IsConcurrencyToken();
        b.HasIndex(x => x.PlanLineId);
        // the plan report and the plan's lists select by plan; the lists sort newest first, for a unit or an agency
        b.HasIndex(x => x.PlanId);
        // the whole list's order (newest change, then unit and code: ListProposals' keyset), read backwards from the index
        b.HasIndex(x => new { x.UpdatedAt, x.UnitCode, x.Code });
        b.HasIndex(x => new { x.UnitCode, x.UpdatedAt });
        b.HasIndex(x => new { x.UnitCode, x.AgencyCode, x.UpdatedAt });
        b.HasOne<PlanLine>().WithMany().HasForeignKey(x => x.PlanLineId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(x => x.Counterpart);
        b.Ignore(x => x.Beneficiaries);
    }
}

internal sealed class DisbursementConfiguration : IEntityTypeConfiguration<Disbursement>
{
    public void Configure(EntityTypeBuilder<Disbursement> b)
    {
        b.ToTable("disbursements");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Code).HasMaxLength(32).IsRequired();
        b.Property(x => x.UnitCode).HasMaxLength(64).IsRequired();
        // numbered per unit and year (DossierCode)
        b.HasIndex(x => new { x.UnitCode, x.Code }).IsUnique();
        // a code typed into the search box finds its dossier in any unit the caller sees
        b.HasIndex(x => x.Code);
        // the list's order (GET /api/disbursements): newest change first
        b.HasIndex(x => new { x.UpdatedAt, x.UnitCode, x.Code });
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Note).HasMaxLength(1024);
        b.Property(x => x.TreasuryReference).HasMaxLength(128);
        b.Property(x => x.PayeeName).HasMaxLength(256);
        b.Property(x => x.PayeeAccount).HasMaxLength(34);
        b.Property(x => x.PayeeBank).HasMaxLength(256);
        b.Property(x => x.CeilingReference).HasMaxLength(128);
        b.Property(x => x.EconomicContentCode).HasMaxLength(4);
        b.Property(x => x.CheckedPayeeAccount).HasMaxLength(34);
        b.Property(x => x.CheckedCeilingReference).HasMaxLength(128);
        b.Ignore(x => x.Payment);
        b.Ignore(x => x.TreasuryCheck);
        b.Property(x => x.CreatedBy).HasMaxLength(64).IsRequired();
        b.HasIndex(x => x.ProposalId);
        b.HasOne<Proposal>().WithMany().HasForeignKey(x => x.ProposalId).OnDelete(DeleteBehavior.Restrict);
        b.MapSourceAmounts(x => x.Amounts);
        b.MapSourceAmounts(x => x.Cash, "Cash");
        b.Ignore(x => x.Total);
    }
}

internal sealed class SettlementConfiguration : IEntityTypeConfiguration<Settlement>
{
    public void Configure(EntityTypeBuilder<Settlement> b)
    {
        b.ToTable("settlements");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.HasIndex(x => x.ProposalId).IsUnique();
        b.Property(x => x.Code).HasMaxLength(32).IsRequired();
        b.Property(x => x.UnitCode).HasMaxLength(64).IsRequired();
        // numbered per unit and year (DossierCode)
        b.HasIndex(x => new { x.UnitCode, x.Code }).IsUnique();
        // a code typed into the search box finds its dossier in any unit the caller sees
        b.HasIndex(x => x.Code);
        // the list's order (GET /api/settlements): newest change first
        b.HasIndex(x => new { x.UpdatedAt, x.UnitCode, x.Code });
        b.Property(x => x.Outputs).HasMaxLength(4000).IsRequired();
        b.Property(x => x.ActualOutputs).AsJsonDocument();
        b.Property(x => x.CreatedBy).HasMaxLength(64).IsRequired();
        b.HasOne<Proposal>().WithMany().HasForeignKey(x => x.ProposalId).OnDelete(DeleteBehavior.Restrict);
        b.MapSourceAmounts(x => x.ActualCost, "Actual");
        b.MapSourceAmounts(x => x.RefundDue, "RefundDue");
        b.Ignore(x => x.Reached);
        b.Ignore(x => x.ActualTotal);
    }
}

internal sealed class SupportPolicyConfiguration : IEntityTypeConfiguration<SupportPolicyRecord>
{
    public void Configure(EntityTypeBuilder<SupportPolicyRecord> b)
    {
        b.ToTable("support_policies");
        b.HasKey(x => x.Id);
        b.Property(x => x.ProvinceCode).HasMaxLength(64).IsRequired();
        b.HasIndex(x => new { x.ProvinceCode, x.FromFiscalYear }).IsUnique();
        b.Property(x => x.Basis).HasMaxLength(512);
        b.Property(x => x.Policy).AsJson().HasColumnName("PolicyJson").IsRequired();
    }
}

internal sealed class ProvincePolicyConfiguration : IEntityTypeConfiguration<Domain.Policies.ProvincePolicy>
{
    public void Configure(EntityTypeBuilder<Domain.Policies.ProvincePolicy> b)
    {
        b.ToTable("province_policies");
        b.HasKey(x => x.Id);
        b.Property(x => x.ProvinceCode).HasMaxLength(64).IsRequired();
        b.HasIndex(x => new { x.ProvinceCode, x.FiscalYear, x.Version }).IsUnique();
        b.Property(x => x.Values).AsJsonDocument().HasColumnName("ValuesJson").IsRequired();
        b.Property(x => x.CreatedBy).HasMaxLength(64).IsRequired();
        b.Ignore(x => x.EffectiveAt);
    }
}

internal sealed class CarryoverConfiguration : IEntityTypeConfiguration<Carryover>
{
    public void Configure(EntityTypeBuilder<Carryover> b)
    {
        b.ToTable("carryovers");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        // a line is carried over once
        b.HasIndex(x => x.FromPlanLineId).IsUnique();
        b.Property(x => x.DecisionReference).HasMaxLength(256).IsRequired();
        b.Property(x => x.Actor).HasMaxLength(64).IsRequired();
        b.MapSourceAmounts(x => x.Moved, "Moved");
        b.HasOne<PlanLine>().WithMany().HasForeignKey(x => x.FromPlanLineId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<PlanLine>().WithMany().HasForeignKey(x => x.ToPlanLineId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class LapseConfiguration : IEntityTypeConfiguration<Lapse>
{
    public void Configure(EntityTypeBuilder<Lapse> b)
    {
        b.ToTable("lapses");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        // a line lapses once
        b.HasIndex(x => x.PlanLineId).IsUnique();
        b.Property(x => x.DecisionReference).HasMaxLength(256).IsRequired();
        b.Property(x => x.Actor).HasMaxLength(64).IsRequired();
        b.MapSourceAmounts(x => x.Amounts, "Lapsed");
        b.HasOne<PlanLine>().WithMany().HasForeignKey(x => x.PlanLineId).OnDelete(DeleteBehavior.Restrict);
    }
}
