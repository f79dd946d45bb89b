using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using NodaTime;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Ondermijning.Engine.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "access_log",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "bigint", nullable: false),
                    At = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    UserId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Organisation = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: true),
                    ItemId = table.Column<Guid>(type: "uuid", nullable: true),
                    Action = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Purpose = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    LegalBasis = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    PreviousHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_access_log", x => x.Sequence);
                });

            migrationBuilder.CreateTable(
                name: "awareness_activities",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Municipality = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    HeldOn = table.Column<LocalDate>(type: "date", nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Programme = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Conversations = table.Column<int>(type: "integer", nullable: false),
                    RecordedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_awareness_activities", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "cases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Municipality = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    Workflow = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    DefinitionVersion = table.Column<int>(type: "integer", nullable: false),
                    Stage = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    StageEnteredAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    StageEntrySequence = table.Column<int>(type: "integer", nullable: false),
                    DueAt = table.Column<Instant>(type: "timestamp with time zone", nullable: true),
                    Severity = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    SourceChannel = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ReporterAnonymous = table.Column<bool>(type: "boolean", nullable: false),
                    ReporterName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ReporterContact = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Description = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    Branch = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    PhenomenonTags = table.Column<List<string>>(type: "text[]", nullable: false),
                    ReceivedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false),
                    PersonalDataErasedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: true),
                    IdempotencyKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    IdempotencyFingerprint = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cases", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "intervention_subtypes",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Type = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Label = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    AddedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: true),
                    AddedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_intervention_subtypes", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "job_runs",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    JobName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    StartedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    FinishedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: true),
                    Outcome = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Summary = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    Error = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_job_runs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "report_snapshots",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    PeriodStart = table.Column<LocalDate>(type: "date", nullable: false),
                    PeriodEnd = table.Column<LocalDate>(type: "date", nullable: false),
                    ProducedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    ContentJson = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_report_snapshots", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "workflow_versions",
                columns: table => new
                {
                    Workflow = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    ContentHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SourceFile = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    FirstSeenAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_workflow_versions", x => new { x.Workflow, x.Version });
                });

            migrationBuilder.CreateTable(
                name: "atom_inspections",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Municipality = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    Location = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    InspectedOn = table.Column<LocalDate>(type: "date", nullable: false),
                    Organisations = table.Column<List<string>>(type: "text[]", nullable: false),
                    LastOnderDwangsom = table.Column<bool>(type: "boolean", nullable: false),
                    HandhavingWabo = table.Column<bool>(type: "boolean", nullable: false),
                    SocialeRecherche = table.Column<bool>(type: "boolean", nullable: false),
                    Other = table.Column<bool>(type: "boolean", nullable: false),
                    OtherOutcome = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    RecordedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_atom_inspections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_atom_inspections_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "bibob_screenings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Municipality = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: true),
                    Date = table.Column<LocalDate>(type: "date", nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    PermitType = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Outcome = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    RecordedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bibob_screenings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_bibob_screenings_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "case_addresses",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Postcode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    HouseNumber = table.Column<int>(type: "integer", nullable: false),
                    HouseNumberAddition = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    Street = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    City = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_addresses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_case_addresses_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "case_companies",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    KvkNumber = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    Place = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_companies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_case_companies_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "case_escalations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    StageEntrySequence = table.Column<int>(type: "integer", nullable: false),
                    Stage = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    DueAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    EscalatedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_escalations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_case_escalations_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "case_history",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    At = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    ActorId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ActorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ActorOrganisation = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    FromStage = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ToStage = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Trigger = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Reason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Workflow = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    DefinitionVersion = table.Column<int>(type: "integer", nullable: false),
                    FromDefinitionVersion = table.Column<int>(type: "integer", nullable: true),
                    InformationJson = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_history", x => x.Id);
                    table.ForeignKey(
                        name: "FK_case_history_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "case_persons",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    BirthDate = table.Column<LocalDate>(type: "date", nullable: true),
                    Role = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_persons", x => x.Id);
                    table.ForeignKey(
                        name: "FK_case_persons_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "drug_premises_closures",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Municipality = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: true),
                    ClosedOn = table.Column<LocalDate>(type: "date", nullable: false),
                    Premises = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    DurationMonths = table.Column<int>(type: "integer", nullable: true),
                    RecordedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_drug_premises_closures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_drug_premises_closures_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "enrichment_decisions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Confirmed = table.Column<bool>(type: "boolean", nullable: false),
                    Reason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    FindingIdsJson = table.Column<string>(type: "text", nullable: false),
                    Proposal = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Trigger = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    DecidedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    DecidedById = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DecidedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_enrichment_decisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_enrichment_decisions_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "enrichment_runs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    StartedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    FinishedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    RequestedById = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RequestedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SkippedJson = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_enrichment_runs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_enrichment_runs_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "information_items",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Category = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    SourceOrganisation = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    LegalBasis = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Content = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    Confidentiality = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    AddedAtStage = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    AddedAtSeverity = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    AddedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    AddedByUserId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    AddedByOrganisation = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ErasedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_information_items", x => x.Id);
                    table.ForeignKey(
                        name: "FK_information_items_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "lwo_arrivals",
                columns: table => new
                {
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Municipality = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    SourceChannel = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ArrivedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_lwo_arrivals", x => x.CaseId);
                    table.ForeignKey(
                        name: "FK_lwo_arrivals_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "lwo_decisions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Municipality = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    Route = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ChainPartner = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Reason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    MeetingDate = table.Column<LocalDate>(type: "date", nullable: false),
                    DecidedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    Trigger = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    HistorySequence = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_lwo_decisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_lwo_decisions_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "phenomenon_studies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Municipality = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    SubjectKind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Subject = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Origin = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: true),
                    StartedOn = table.Column<LocalDate>(type: "date", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    EndedOn = table.Column<LocalDate>(type: "date", nullable: true),
                    Result = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    RecordedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_phenomenon_studies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_phenomenon_studies_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "reporter_receipts",
                columns: table => new
                {
                    CodeHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Feedback = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    FeedbackAt = table.Column<Instant>(type: "timestamp with time zone", nullable: true),
                    FeedbackByUserId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reporter_receipts", x => x.CodeHash);
                    table.ForeignKey(
                        name: "FK_reporter_receipts_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "stage_stays",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Municipality = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    Workflow = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    DefinitionVersion = table.Column<int>(type: "integer", nullable: false),
                    Stage = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    EnteredAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    LeftAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    Seconds = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_stage_stays", x => x.Id);
                    table.ForeignKey(
                        name: "FK_stage_stays_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "street_dealing_penalties",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Municipality = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: true),
                    ImposedOn = table.Column<LocalDate>(type: "date", nullable: false),
                    Party = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    RecordedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_street_dealing_penalties", x => x.Id);
                    table.ForeignKey(
                        name: "FK_street_dealing_penalties_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "interventions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Municipality = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    Type = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    SubtypeCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ExecutingOrganisation = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    DecidedOn = table.Column<LocalDate>(type: "date", nullable: false),
                    PlannedFor = table.Column<LocalDate>(type: "date", nullable: true),
                    ExecutedOn = table.Column<LocalDate>(type: "date", nullable: true),
                    DroppedOn = table.Column<LocalDate>(type: "date", nullable: true),
                    Note = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    RecordedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_interventions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_interventions_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_interventions_intervention_subtypes_SubtypeCode",
                        column: x => x.SubtypeCode,
                        principalTable: "intervention_subtypes",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "enrichment_findings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    RunId = table.Column<Guid>(type: "uuid", nullable: true),
                    Source = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Subject = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Summary = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    FactsJson = table.Column<string>(type: "text", nullable: false),
                    RequestUrl = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ResponseStatus = table.Column<int>(type: "integer", nullable: true),
                    RawResponse = table.Column<string>(type: "text", nullable: true),
                    RetrievedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    RecordedById = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RecordedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Link = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ObservedOn = table.Column<LocalDate>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_enrichment_findings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_enrichment_findings_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_enrichment_findings_enrichment_runs_RunId",
                        column: x => x.RunId,
                        principalTable: "enrichment_runs",
                        principalColumn: "Id");
                });

            migrationBuilder.InsertData(
                table: "intervention_subtypes",
                columns: new[] { "Code", "AddedAt", "AddedBy", "Label", "Type" },
                values: new object[,]
                {
                    { "beslaglegging", null, null, "Beslaglegging", "Fiscaal" },
                    { "bestuurlijke-boete", null, null, "Bestuurlijke boete", "Bestuurlijk" },
                    { "bibob-weigering-intrekking", null, null, "Vergunning geweigerd of ingetrokken (Bibob)", "Bestuurlijk" },
                    { "boekenonderzoek", null, null, "Boekenonderzoek", "Fiscaal" },
                    { "inbeslagname", null, null, "Inbeslagname", "Strafrechtelijk" },
                    { "last-onder-dwangsom", null, null, "Last onder dwangsom", "Bestuurlijk" },
                    { "navorderingsaanslag", null, null, "Navorderingsaanslag", "Fiscaal" },
                    { "sluiting-13b-opiumwet", null, null, "Sluiting pand (art. 13b Opiumwet)", "Bestuurlijk" },
                    { "strafrechtelijk-onderzoek", null, null, "Strafrechtelijk onderzoek", "Strafrechtelijk" }
                });

            migrationBuilder.CreateIndex(
                name: "IX_access_log_CaseId",
                table: "access_log",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_access_log_UserId",
                table: "access_log",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_atom_inspections_CaseId",
                table: "atom_inspections",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_atom_inspections_Municipality_InspectedOn",
                table: "atom_inspections",
                columns: new[] { "Municipality", "InspectedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_awareness_activities_Municipality_HeldOn",
                table: "awareness_activities",
                columns: new[] { "Municipality", "HeldOn" });

            migrationBuilder.CreateIndex(
                name: "IX_bibob_screenings_CaseId",
                table: "bibob_screenings",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_bibob_screenings_Municipality_Date",
                table: "bibob_screenings",
                columns: new[] { "Municipality", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_case_addresses_CaseId",
                table: "case_addresses",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_case_companies_CaseId",
                table: "case_companies",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_case_escalations_CaseId_StageEntrySequence",
                table: "case_escalations",
                columns: new[] { "CaseId", "StageEntrySequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_case_escalations_DueAt",
                table: "case_escalations",
                column: "DueAt");

            migrationBuilder.CreateIndex(
                name: "IX_case_history_CaseId_Sequence",
                table: "case_history",
                columns: new[] { "CaseId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_case_persons_CaseId",
                table: "case_persons",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_cases_DueAt",
                table: "cases",
                column: "DueAt");

            migrationBuilder.CreateIndex(
                name: "IX_cases_IdempotencyKey",
                table: "cases",
                column: "IdempotencyKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_cases_Municipality_Stage",
                table: "cases",
                columns: new[] { "Municipality", "Stage" });

            migrationBuilder.CreateIndex(
                name: "IX_cases_Municipality_Workflow_DefinitionVersion_Stage_StageEn~",
                table: "cases",
                columns: new[] { "Municipality", "Workflow", "DefinitionVersion", "Stage", "StageEnteredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_cases_ReceivedAt",
                table: "cases",
                column: "ReceivedAt");

            migrationBuilder.CreateIndex(
                name: "IX_cases_Workflow_DefinitionVersion_Stage",
                table: "cases",
                columns: new[] { "Workflow", "DefinitionVersion", "Stage" });

            migrationBuilder.CreateIndex(
                name: "IX_drug_premises_closures_CaseId",
                table: "drug_premises_closures",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_drug_premises_closures_Municipality_ClosedOn",
                table: "drug_premises_closures",
                columns: new[] { "Municipality", "ClosedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_enrichment_decisions_CaseId",
                table: "enrichment_decisions",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_enrichment_findings_CaseId_RetrievedAt",
                table: "enrichment_findings",
                columns: new[] { "CaseId", "RetrievedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_enrichment_findings_RunId",
                table: "enrichment_findings",
                column: "RunId");

            migrationBuilder.CreateIndex(
                name: "IX_enrichment_runs_CaseId_StartedAt",
                table: "enrichment_runs",
                columns: new[] { "CaseId", "StartedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_information_items_CaseId_AddedAt",
                table: "information_items",
                columns: new[] { "CaseId", "AddedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_interventions_CaseId",
                table: "interventions",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_interventions_Municipality_DecidedOn",
                table: "interventions",
                columns: new[] { "Municipality", "DecidedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_interventions_SubtypeCode",
                table: "interventions",
                column: "SubtypeCode");

            migrationBuilder.CreateIndex(
                name: "IX_job_runs_JobName_Outcome",
                table: "job_runs",
                columns: new[] { "JobName", "Outcome" });

            migrationBuilder.CreateIndex(
                name: "IX_lwo_arrivals_Municipality_SourceChannel_ArrivedAt",
                table: "lwo_arrivals",
                columns: new[] { "Municipality", "SourceChannel", "ArrivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_lwo_decisions_CaseId",
                table: "lwo_decisions",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_lwo_decisions_Municipality_MeetingDate_Route_CaseId",
                table: "lwo_decisions",
                columns: new[] { "Municipality", "MeetingDate", "Route", "CaseId" });

            migrationBuilder.CreateIndex(
                name: "IX_phenomenon_studies_CaseId",
                table: "phenomenon_studies",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_phenomenon_studies_Municipality_StartedOn",
                table: "phenomenon_studies",
                columns: new[] { "Municipality", "StartedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_report_snapshots_Kind_PeriodStart",
                table: "report_snapshots",
                columns: new[] { "Kind", "PeriodStart" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_reporter_receipts_CaseId",
                table: "reporter_receipts",
                column: "CaseId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_stage_stays_CaseId",
                table: "stage_stays",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_stage_stays_Municipality_LeftAt_Stage_Seconds",
                table: "stage_stays",
                columns: new[] { "Municipality", "LeftAt", "Stage", "Seconds" });

            migrationBuilder.CreateIndex(
                name: "IX_street_dealing_penalties_CaseId",
                table: "street_dealing_penalties",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_street_dealing_penalties_Municipality_ImposedOn",
                table: "street_dealing_penalties",
                columns: new[] { "Municipality", "ImposedOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "access_log");

            migrationBuilder.DropTable(
                name: "atom_inspections");

            migrationBuilder.DropTable(
                name: "awareness_activities");

            migrationBuilder.DropTable(
                name: "bibob_screenings");

            migrationBuilder.DropTable(
                name: "case_addresses");

            migrationBuilder.DropTable(
                name: "case_companies");

            migrationBuilder.DropTable(
                name: "case_escalations");

            migrationBuilder.DropTable(
                name: "case_history");

            migrationBuilder.DropTable(
                name: "case_persons");

            migrationBuilder.DropTable(
                name: "drug_premises_closures");

            migrationBuilder.DropTable(
                name: "enrichment_decisions");

            migrationBuilder.DropTable(
                name: "enrichment_findings");

            migrationBuilder.DropTable(
                name: "information_items");

            migrationBuilder.DropTable(
                name: "interventions");

            migrationBuilder.DropTable(
                name: "job_runs");

            migrationBuilder.DropTable(
                name: "lwo_arrivals");

            migrationBuilder.DropTable(
                name: "lwo_decisions");

            migrationBuilder.DropTable(
                name: "phenomenon_studies");

            migrationBuilder.DropTable(
                name: "report_snapshots");

            migrationBuilder.DropTable(
                name: "reporter_receipts");

            migrationBuilder.DropTable(
                name: "stage_stays");

            migrationBuilder.DropTable(
                name: "street_dealing_penalties");

            migrationBuilder.DropTable(
                name: "workflow_versions");

            migrationBuilder.DropTable(
                name: "enrichment_runs");

            migrationBuilder.DropTable(
                name: "intervention_subtypes");

            migrationBuilder.DropTable(
                name: "cases");
        }
    }
}
