using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ondermijning.Engine.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CoveringStatisticsIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_street_dealing_penalties_Municipality_ImposedOn",
                table: "street_dealing_penalties");

            migrationBuilder.DropIndex(
                name: "IX_phenomenon_studies_Municipality_StartedOn",
                table: "phenomenon_studies");

            migrationBuilder.DropIndex(
                name: "IX_interventions_Municipality_DecidedOn",
                table: "interventions");

            migrationBuilder.DropIndex(
                name: "IX_bibob_screenings_Municipality_Date",
                table: "bibob_screenings");

            migrationBuilder.DropIndex(
                name: "IX_awareness_activities_Municipality_HeldOn",
                table: "awareness_activities");

            migrationBuilder.DropIndex(
                name: "IX_atom_inspections_Municipality_InspectedOn",
                table: "atom_inspections");

            migrationBuilder.CreateIndex(
                name: "IX_street_dealing_penalties_Municipality_ImposedOn_Party",
                table: "street_dealing_penalties",
                columns: new[] { "Municipality", "ImposedOn", "Party" });

            migrationBuilder.CreateIndex(
                name: "IX_phenomenon_studies_Municipality_StartedOn_Status_SubjectKind",
                table: "phenomenon_studies",
                columns: new[] { "Municipality", "StartedOn", "Status", "SubjectKind" });

            migrationBuilder.CreateIndex(
                name: "IX_interventions_Municipality_DecidedOn_Status_Type",
                table: "interventions",
                columns: new[] { "Municipality", "DecidedOn", "Status", "Type" });

            migrationBuilder.CreateIndex(
                name: "IX_bibob_screenings_Municipality_Date_Kind_Outcome",
                table: "bibob_screenings",
                columns: new[] { "Municipality", "Date", "Kind", "Outcome" });

            migrationBuilder.CreateIndex(
                name: "IX_awareness_activities_Municipality_HeldOn_Kind_Conversations",
                table: "awareness_activities",
                columns: new[] { "Municipality", "HeldOn", "Kind", "Conversations" });

            migrationBuilder.CreateIndex(
                name: "IX_atom_inspections_Municipality_InspectedOn_Outcomes",
                table: "atom_inspections",
                columns: new[] { "Municipality", "InspectedOn", "CaseId", "LastOnderDwangsom", "HandhavingWabo", "SocialeRecherche", "Other" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_street_dealing_penalties_Municipality_ImposedOn_Party",
                table: "street_dealing_penalties");

            migrationBuilder.DropIndex(
                name: "IX_phenomenon_studies_Municipality_StartedOn_Status_SubjectKind",
                table: "phenomenon_studies");

            migrationBuilder.DropIndex(
                name: "IX_interventions_Municipality_DecidedOn_Status_Type",
                table: "interventions");

            migrationBuilder.DropIndex(
                name: "IX_bibob_screenings_Municipality_Date_Kind_Outcome",
                table: "bibob_screenings");

            migrationBuilder.DropIndex(
                name: "IX_awareness_activities_Municipality_HeldOn_Kind_Conversations",
                table: "awareness_activities");

            migrationBuilder.DropIndex(
                name: "IX_atom_inspections_Municipality_InspectedOn_Outcomes",
                table: "atom_inspections");

            migrationBuilder.CreateIndex(
                name: "IX_street_dealing_penalties_Municipality_ImposedOn",
                table: "street_dealing_penalties",
                columns: new[] { "Municipality", "ImposedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_phenomenon_studies_Municipality_StartedOn",
                table: "phenomenon_studies",
                columns: new[] { "Municipality", "StartedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_interventions_Municipality_DecidedOn",
                table: "interventions",
                columns: new[] { "Municipality", "DecidedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_bibob_screenings_Municipality_Date",
                table: "bibob_screenings",
                columns: new[] { "Municipality", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_awareness_activities_Municipality_HeldOn",
                table: "awareness_activities",
                columns: new[] { "Municipality", "HeldOn" });

            migrationBuilder.CreateIndex(
                name: "IX_atom_inspections_Municipality_InspectedOn",
                table: "atom_inspections",
                columns: new[] { "Municipality", "InspectedOn" });
        }
    }
}
