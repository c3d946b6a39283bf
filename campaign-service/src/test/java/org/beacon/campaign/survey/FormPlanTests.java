package org.beacon.campaign.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The public form is cut into the fewest pages on which nothing depends on an answer given on the same page. */
class FormPlanTests {

    private static final String YN = """
            list_name,name,label::English (en),filter
            yn,yes,Yes,
            yn,no,No,
            town,north,North town,n
            town,south,South town,s
            zone,n,North,
            zone,s,South,
            """;

    private static List<List<String>> fields(FormPlan plan) {
        return plan.pages().stream().map(p -> p.questions().stream().map(FormPlan.Question::field).toList()).toList();
    }

    @Test
    void questionsThatDependOnNothingShareOnePage() {
        FormPlan plan = PlanForms.plan("survey", """
                type,name,label::English (en),constraint
                select_one yn,a,A?,
                integer,b,B?,. > 0
                text,c,C?,string-length(.) < 20
                """, "choices", YN);

        assertEquals(List.of(List.of("a", "b", "c")), fields(plan));
    }

    @Test
    void aRelevanceRuleAConstraintALabelReferenceAndAChoiceFilterEachWaitForTheAnswerTheyRead() {
        FormPlan plan = PlanForms.plan("survey", """
                type,name,label::English (en),relevant,constraint,choice_filter
                select_one yn,heard,Heard?,,,
                text,where,Where?,${heard} = 'yes',,
                integer,adults,Adults?,,,
                integer,children,Children?,,. <= ${adults},
                select_one zone,zone,Zone?,,,
                note,thanks,You live in ${zone},,,
                select_one town,town,Town?,,,filter = ${zone}
                """, "choices", YN);

        // pages keep the form's order: each question that reads one on the current page starts the next page
        assertEquals(List.of(List.of("heard"), List.of("where", "adults"), List.of("children", "zone"),
                List.of("thanks", "town")), fields(plan));
        assertEquals(java.util.Set.of("/data/zone"), plan.question("/data/town").dependsOn());
        assertTrue(plan.question("/data/thanks").display());
        assertEquals(List.of("north", "south"), List.copyOf(plan.question("/data/town").choices().keySet()));
    }

    @Test
    void aDependencyOnACalculationIsADependencyOnWhatTheCalculationReads() {
        FormPlan plan = PlanForms.plan("survey", """
                type,name,label::English (en),calculation,relevant
                integer,adults,Adults?,,
                integer,children,Children?,,
                calculate,people,,${adults} + ${children},
                calculate,many,,${people} > 5,
                text,why,Why so many?,,${many}
                """, "choices", YN);

        assertEquals(List.of(List.of("adults", "children"), List.of("why")), fields(plan));
        assertEquals(java.util.Set.of("/data/adults", "/data/children"), plan.question("/data/why").dependsOn());
    }

    @Test
    void theCutIsGreedySoThePagesAreTheFewest() {
        FormPlan plan = PlanForms.plan("survey", """
                type,name,label::English (en),relevant
                integer,a,A?,
                integer,b,B?,${a} > 1
                integer,c,C?,${a} > 2
                integer,d,D?,${b} > 3
                integer,e,E?,${a} > 4
                """, "choices", YN);

        assertEquals(List.of(List.of("a"), List.of("b", "c"), List.of("d", "e")), fields(plan));
    }

    @Test
    void aFieldListGroupStaysOnOnePageAndIsMarkedWhenItsQuestionsDependOnEachOther() {
        FormPlan plan = PlanForms.plan("survey", """
                type,name,label::English (en),relevant,appearance
                integer,age,Age?,,
                begin group,household,Household,,field-list
                select_one yn,alone,Alone?,,
                integer,size,How many?,${alone} = 'no',
                end group,,,,
                begin group,plain,Plain group,${age} > 17,
                text,work,Work?,,
                text,where,Where?,${work} != '',
                end group,,,,
                """, "choices", YN);

        assertEquals(List.of(List.of("age", "household/alone", "household/size"), List.of("plain/work"),
                List.of("plain/where")), fields(plan));
        assertTrue(plan.page(1).selfDependent());
        assertFalse(plan.page(2).selfDependent());
        // the group's own relevance is a dependency of each question in it
        assertEquals(java.util.Set.of("/data/age", "/data/plain/work"), plan.question("/data/plain/where").dependsOn());
    }

    @Test
    void theBranchingFormAsksWhereThenWhatIsRemembered() {
        FormPlan plan = PlanForms.plan("survey", PlanForms.BRANCHING_SURVEY, "choices", PlanForms.BRANCHING_CHOICES);

        assertEquals(List.of(List.of("heard", "age"), List.of("where"), List.of("remember")), fields(plan));
        assertEquals(2, plan.pageOf("/data/where"));
    }
}
