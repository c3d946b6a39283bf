package org.beacon.training.assessment;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * What a refused GIFT file (or question form) is told, in the reader's language ({@link GiftRefusal}); translations
 * in messages/gift_*.properties. A bundle of its own: Quarkus generates a broken resolver for a bundle of more than
 * 300 messages, and {@code TrainingMessages} is close to it. Numbers arrive as text in the reader's digits.
 */
@MessageBundle("gift")
public interface GiftMessages {

    @Message("line {line}: {reason}")
    String gift_line(String line, String reason);

    @Message("The GIFT file has {#if plural == 'one'}1 error{#else}{count} errors{/if}; nothing was imported.")
    String gift_refused_file(String plural, String count);

    @Message("contains the character U+0000 (NUL), which cannot be stored; remove it.")
    String gift_refused_nul();

    @Message("the file has more than {limit} questions, the limit for one file; split it.")
    String gift_refused_questions(String limit);

    @Message("the question name '{name}' is used twice in this file.")
    String gift_refused_name_twice(String name);

    @Message("the question name is not closed with '::'.")
    String gift_refused_name_not_closed();

    @Message("the answer block opened here is not closed with '{|}|}'.")
    String gift_refused_block_not_closed();

    @Message("'{|{|}' inside an answer block; escape it as {|\\{|}.")
    String gift_refused_brace_inside();

    @Message("a question may have only one answer block.")
    String gift_refused_two_blocks();

    @Message("the question has no text.")
    String gift_refused_no_text();

    @Message("the question name is longer than {limit} characters.")
    String gift_refused_name_too_long(String limit);

    @Message("question '{name}': the '{comment}' comment is {length} characters long; the limit is {limit}.")
    String gift_refused_comment_too_long(String name, String comment, String length, String limit);

    @Message("the description has no text.")
    String gift_refused_description_no_text();

    @Message("the description's name is longer than {limit} characters.")
    String gift_refused_description_name_too_long(String limit);

    @Message("essay questions ({|{}|}) are not supported: no one could mark them here; use short answer ({|{=answer}|}).")
    String gift_refused_essay();

    @Message("the question has no correct answer (an answer worth 100%).")
    String gift_refused_short_no_right();

    @Message("each answer must start with '=' (right) or '~' (wrong or weighted).")
    String gift_refused_answer_start();

    @Message("a multiple-choice question needs at least two answers.")
    String gift_refused_two_answers();

    @Message("the question has no correct answer (mark it with '=').")
    String gift_refused_single_no_right();

    @Message("the question has no correct answer: mark one with '=' or give weights such as ~%50%.")
    String gift_refused_multiple_no_right();

    @Message("the positive weights add up to {sum}%, not 100%.")
    String gift_refused_weights_sum(String sum);

    @Message("numerical question: the range '{range}' ends below its start.")
    String gift_refused_range(String range);

    @Message("numerical question: '{number}' is not a number, a number:tolerance or a range min..max.")
    String gift_refused_not_a_number(String number);

    @Message("numerical question: no answer is worth 100%.")
    String gift_refused_numerical_no_right();

    @Message("matching question: '{typed}' is not a pair written '=item -> match'.")
    String gift_refused_not_a_pair(String typed);

    @Message("matching question: pairs have no feedback ('#'); give the question's feedback after '####'.")
    String gift_refused_pair_feedback();

    @Message("matching question: the pair '{typed}' matches nothing.")
    String gift_refused_pair_matches_nothing(String typed);

    @Message("question '{name}' has more than {limit} pairs, the limit for one question.")
    String gift_refused_pairs(String name, String limit);

    @Message("question '{name}': pair {pair} is longer than {limit} characters.")
    String gift_refused_pair_too_long(String name, String pair, String limit);

    @Message("a matching question needs at least two pairs '=item -> match'.")
    String gift_refused_two_pairs();

    @Message("the weight in '{typed}' is not closed with '%'.")
    String gift_refused_weight_not_closed(String typed);

    @Message("the weight '%{typed}%' is not a number.")
    String gift_refused_weight_not_a_number(String typed);

    @Message("the weight '%{typed}%' is outside -100% to 100%.")
    String gift_refused_weight_range(String typed);

    @Message("an answer has no text.")
    String gift_refused_answer_no_text();

    @Message("question '{name}' has more than {limit} answers, the limit for one question.")
    String gift_refused_answers(String name, String limit);

    @Message("question '{name}': answer {answer} is {length} characters long; the limit is {limit}.")
    String gift_refused_answer_too_long(String name, String answer, String length, String limit);

    @Message("question '{name}': the feedback of answer {answer} is {length} characters long; the limit is {limit}.")
    String gift_refused_feedback_too_long(String name, String answer, String length, String limit);

    @Message("the file holds no question.")
    String gift_refused_empty_file();

    @Message("'{name}' is a {type} question in {languages} but {here} here; a question keeps its type in every language.")
    String gift_refused_type_differs(String name, String type, String languages, String here);

    @Message("'{name}' is {truth} in {reference} but {here} here.")
    String gift_refused_truth_differs(String name, String truth, String reference, String here);

    @Message("'{name}' has answers weighted {key} in {reference} but {here} here; translations keep the answers in the same order.")
    String gift_refused_weights_differ(String name, String key, String reference, String here);

    @Message("'{name}' accepts {key} in {reference} but {here} here; numbers are the same in every language.")
    String gift_refused_numbers_differ(String name, String key, String reference, String here);

    @Message("{reason} Translations keep the key of {reference}; to correct the key, import {reference} with the new key first, then this language.")
    String gift_refused_key_fix(String reason, String reference);

    @Message("true")
    String gift_true();

    @Message("false")
    String gift_false();
}
