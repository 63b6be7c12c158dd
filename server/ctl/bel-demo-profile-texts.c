/* bel-demo-profile-texts.c - what demo staff write about demo students
 *
 * Asset-based: what the student does well and cares about comes first and
 * is specific; growth is written as a next step with what helps.  Each
 * template names the student once ("%s", their first name) and no pronoun.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-demo-profiles.h"

static const char * const strengths[] = {
  "%s notices when a classmate is lost and quietly re-explains the step in plain words; groups work better with this kind of patience in them.",
  "%s asks the question that moves the whole class forward. In our unit on ecosystems it was a question about the river behind the school that became the class project.",
  "%s keeps going when a problem is hard: tried four approaches to a geometry proof today and explained every one to the table.",
  "%s is a natural organizer — ran the food drive sign-up sheet without being asked and kept every shift covered.",
  "%s writes with a strong, honest voice. The personal narrative about working at the family's restaurant was one of the best I read this year.",
  "%s is generous with humor at exactly the right moments; the room relaxes and more students speak up.",
  "%s is precise and careful in the lab: data tables are complete, units are right, and the conclusions follow from the evidence.",
  "%s welcomes new students: walked a newcomer to every class in the first week and introduced them at lunch.",
  "%s listens closely in discussions and builds on what others say before adding a new idea.",
  "%s takes feedback well and uses it — the second draft of the research essay answered every comment.",
  "%s is steady and reliable: always the one who returns the borrowed calculators and cleans up the lab bench.",
  "%s has a gift for explaining math with drawings; classmates ask for the diagrams.",
  NULL
};

static const char * const interests[] = {
  "%s plays soccer for the JV team and talks tactics with real enthusiasm — a great way into a conversation.",
  "%s draws constantly: comics, portraits of friends, and careful sketches of machines. The sketchbook is worth asking about.",
  "%s is in the robotics club and wired the drive motors for this year's competition robot.",
  "%s sings in the choir and performed a solo at the winter concert.",
  "%s loves cooking with family on weekends and is teaching classmates a favorite recipe for the culture fair.",
  "%s reads fantasy series in both languages at home and recommends books to friends.",
  "%s is learning guitar from online videos and plays at the lunchtime open mic.",
  "%s volunteers at the animal shelter on Saturdays and knows every dog by name.",
  "%s codes small games in Python in spare time and helped set up the class website.",
  "%s runs cross-country and keeps a training log with real discipline.",
  "%s is part of the community garden club and brought in tomatoes for the whole advisory.",
  "%s makes short videos with friends — storyboards, editing, music — and would love to show them.",
  NULL
};

static const char * const career[] = {
  "%s wants to become a nurse, like an aunt who works in the ER, and asked about the health careers pathway.",
  "%s is thinking about engineering — civil or mechanical — and lights up talking about bridges.",
  "%s would like to open a restaurant one day and is curious about business classes.",
  "%s talks about becoming a teacher and already tutors a younger cousin in reading.",
  "%s is interested in electrician work and asked about the construction CTE program and apprenticeships.",
  "%s hopes to study computer science and is looking at summer coding programs.",
  "%s wants to work with animals — a vet tech program or veterinary school.",
  "%s is considering graphic design or animation and is building a portfolio.",
  NULL
};

static const char * const learning[] = {
  "%s learns best by doing: hands-on labs and building models make the ideas stick.",
  "%s does best with a quick check-in at the start of independent work and a clear first step written down.",
  "%s prefers to think first and talk second — a minute to write before discussion brings out much stronger ideas.",
  "%s thrives in small-group work with a defined role (recorder or presenter especially).",
  "%s likes visual organizers and color-coded notes; share slides ahead of time when possible.",
  "%s engages most when the topic connects to real life or to the community.",
  NULL
};

static const char * const academics[] = {
  "%s had a strong semester, with steady growth in math after joining the after-school study group.",
  "%s is doing solid work across classes; writing is a real strength, and math homework completion is improving.",
  "%s is passing every class and brought the science grade up a full letter after retaking two quizzes.",
  "%s shows the most growth in English this term; attendance has been steady.",
  "%s is working at or above grade level in most classes and keeps organized notes.",
  NULL
};

static const char * const language[] = {
  "%s is a confident bilingual speaker who interprets for family at appointments — a real linguistic asset.",
  "%s reads and writes well in the home language and is transferring those skills into English essays.",
  "%s switches easily between languages and helps newcomers in class with translations.",
  "%s is growing quickly in academic English; speaking is strong, and written arguments are the next step.",
  NULL
};

static const char * const heritage[] = {
  "%s shared family traditions at the culture fair and taught the advisory a game from home.",
  "%s is proud of the family's history and wrote about a grandparent's journey for the history project.",
  "%s celebrates holidays with a large extended family and loves talking about the food and music.",
  "%s is involved in the community center's cultural dance group and performs at school events.",
  NULL
};

static const char * const history[] = {
  "%s came to us with strong middle-school records in math and a note that small-group work helped most.",
  "%s transferred mid-year and settled in quickly; previous school records show steady progress in reading.",
  "%s took Algebra I in eighth grade and is on an accelerated math pathway.",
  "%s completed the summer bridge program before ninth grade and made friends there who are still close.",
  NULL
};

static const char * const growth[] = {
  "Next step for %s: asking for help earlier, before a missed assignment becomes three. What helps: a private check-in, not a call-out.",
  "%s is working on turning in longer writing on time; breaking the task into dated steps has helped.",
  "%s is building confidence speaking in front of the whole class — starting with sharing in pairs works well.",
  "%s is practicing organizing materials across classes; a single binder system is making a difference.",
  "%s is growing in managing frustration during tests; taking a breath and skipping to the next question helps.",
  NULL
};

static const char * const wellbeing[] = {
  "%s mentioned feeling stretched thin between work shifts and homework; we made a weekly plan together and will check in Fridays.",
  "%s has been quieter since the move across town; connected with the counselor and joined the lunch group, which is helping.",
  "%s shared some worry about a grandparent's health. Teachers were asked for a little flexibility on deadlines this month.",
  "%s is doing well emotionally this term — more confident, and proud of the progress in math.",
  NULL
};

static const char * const family[] = {
  "%s lives with mom and two younger siblings and often helps with pickups after school; afternoon meetings are hard, mornings work.",
  "%s's family prefers phone calls in the home language; an older sister is the best contact for quick questions.",
  "%s lives with grandparents, who are warm and very involved; they ask for paper copies of school notices.",
  "%s's parents both work evenings; text messages get the quickest reply.",
  NULL
};

static const char * const iep[] = {
  "%s's IEP supports reading comprehension: text-to-speech for long readings, extended time, and a check for understanding after directions.",
  NULL
};

static const char * const plan_504[] = {
  "%s's 504 plan: extended time (time and a half) on tests, preferential seating, and breaks when needed.",
  NULL
};

static const char * const language_plan[] = {
  "%s's language plan: designated ELD daily, sentence frames and bilingual glossaries in content classes, and home-language use welcomed.",
  NULL
};

static const char * const behavior_plan[] = {
  "%s's behavior plan focuses on what works: a calm-down pass, a daily check-in with a trusted adult, and specific praise for using strategies.",
  NULL
};

const char * const *
bel_demo_profile_texts (BelDemoText text)
{
  static const char * const * const all[BEL_DEMO_N_TEXTS] = {
    strengths, interests, career, learning, academics, language, heritage, history, growth,
    wellbeing, family, iep, plan_504, language_plan, behavior_plan,
  };

  g_return_val_if_fail (text < BEL_DEMO_N_TEXTS, NULL);
  return all[text];
}
