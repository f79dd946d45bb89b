using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Ondermijning.Engine.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Statistics : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "atom_inspections",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Municipality = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    Location = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    InspectedOn = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Organisations = table.Column<string>(type: "TEXT", nullable: false),
                    LastOnderDwangsom = table.Column<bool>(type: "INTEGER", nullable: false),
                    HandhavingWabo = table.Column<bool>(type: "INTEGER", nullable: false),
                    SocialeRecherche = table.Column<bool>(type: "INTEGER", nullable: false),
                    Other = table.Column<bool>(type: "INTEGER", nullable: false),
                    OtherOutcome = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
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
                name: "awareness_activities",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Municipality = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    HeldOn = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Programme = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Conversations = table.Column<int>(type: "INTEGER", nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_awareness_activities", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "bibob_screenings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Municipality = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Date = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    PermitType = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
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
                name: "drug_premises_closures",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Municipality = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ClosedOn = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Premises = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    DurationMonths = table.Column<int>(type: "INTEGER", nullable: true),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
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
                name: "intervention_subtypes",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AddedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AddedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_intervention_subtypes", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "lwo_arrivals",
                columns: table => new
                {
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Municipality = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    SourceChannel = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ArrivedAt = table.Column<long>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Municipality = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    Route = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ChainPartner = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    MeetingDate = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Trigger = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    HistorySequence = table.Column<int>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Municipality = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    SubjectKind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Origin = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: true),
                    StartedOn = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    EndedOn = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    Result = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
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
                name: "stage_stays",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Municipality = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    Workflow = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DefinitionVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    EnteredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LeftAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Seconds = table.Column<long>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Municipality = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ImposedOn = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Party = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Municipality = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    SubtypeCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ExecutingOrganisation = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    DecidedOn = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    PlannedFor = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    ExecutedOn = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    DroppedOn = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false)
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
                name: "IX_cases_Municipality_Workflow_DefinitionVersion_Stage_StageEnteredAt",
                table: "cases",
                columns: new[] { "Municipality", "Workflow", "DefinitionVersion", "Stage", "StageEnteredAt" });

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
                name: "IX_drug_premises_closures_CaseId",
                table: "drug_premises_closures",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_drug_premises_closures_Municipality_ClosedOn",
                table: "drug_premises_closures",
                columns: new[] { "Municipality", "ClosedOn" });

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
                name: "atom_inspections");

            migrationBuilder.DropTable(
                name: "awareness_activities");

            migrationBuilder.DropTable(
                name: "bibob_screenings");

            migrationBuilder.DropTable(
                name: "drug_premises_closures");

            migrationBuilder.DropTable(
                name: "interventions");

            migrationBuilder.DropTable(
                name: "lwo_arrivals");

            migrationBuilder.DropTable(
                name: "lwo_decisions");

            migrationBuilder.DropTable(
                name: "phenomenon_studies");

            migrationBuilder.DropTable(
                name: "stage_stays");

            migrationBuilder.DropTable(
                name: "street_dealing_penalties");

            migrationBuilder.DropTable(
                name: "intervention_subtypes");

            migrationBuilder.DropIndex(
                name: "IX_cases_Municipality_Workflow_DefinitionVersion_Stage_StageEnteredAt",
                table: "cases");
        }
    }
}
