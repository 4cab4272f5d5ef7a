// The words people use ↔ the words the records use. Queries are expanded with these; the index is
// not, so a record never "contains" a word it does not say (and snippets only show its own text).
//
// - `forms`: word forms the stemmer does not fold (anxious/anxiety), plus acronyms and British/US
//   spellings: the same thing, both ways, nearly full weight.
// - `same`: lay and clinical names for one experience, both ways.
// - `narrower`: everyday or specific words that should also find the broader term the records use
//   (husband → partner), but not the other way round.
// Keep entries general (what the words mean), never shaped around one query or one record.

export interface ThesaurusData {
  forms: readonly (readonly string[])[];
  same: readonly (readonly string[])[];
  narrower: readonly (readonly [readonly string[], readonly string[]])[];
}

export const THESAURUS: ThesaurusData = {
  forms: [
    ['CBT', 'cognitive behavioral therapy', 'cognitive behavioural therapy', 'cognitive therapy'],
    ['DBT', 'dialectical behavior therapy', 'dialectical behaviour therapy'],
    ['PTSD', 'post-traumatic stress disorder', 'posttraumatic stress disorder', 'post traumatic stress'],
    ['SSRI', 'SSRIs', 'selective serotonin reuptake inhibitor', 'selective serotonin reuptake inhibitors'],
    ['behavior', 'behaviour'],
    ['behavioral', 'behavioural'],
    ['counseling', 'counselling'],
    ['counselor', 'counsellor'],
    ['practice', 'practise'],
    ['judgment', 'judgement'],
    ['anxious', 'anxiety', 'anxieties'],
    ['lonely', 'loneliness', 'lonelier', 'loneliest'],
    ['depressed', 'depression', 'depressive'],
    ['isolated', 'isolation', 'isolating'],
    ['withdrawn', 'withdrawal', 'withdraw', 'withdrawing', 'withdrew'],
    ['detached', 'detachment', 'detach', 'detaching'],
    ['empathy', 'empathetic', 'empathic'],
    ['irritable', 'irritability'],
    ['restless', 'restlessness'],
    ['numb', 'numbness'],
    ['tearful', 'tearfulness', 'tears'],
    ['guilt', 'guilty'],
    ['shame', 'ashamed'],
    ['worthless', 'worthlessness'],
    ['trauma', 'traumatic', 'traumatised', 'traumatized'],
    ['resilience', 'resilient'],
    ['affection', 'affectionate'],
    ['vulnerable', 'vulnerability'],
    ['motivation', 'motivated', 'unmotivated'],
    ['concentrate', 'concentration', 'concentrating'],
    ['boundary', 'boundaries'],
    ['trigger', 'triggers', 'triggered'],
    ['volunteer', 'volunteering', 'volunteers'],
    ['relationship', 'relationships'],
    ['meditation', 'meditate', 'meditating'],
    ['mindful', 'mindfulness'],
    ['exercise', 'exercising', 'workout'],
    ['stressed', 'stress', 'stressful'],
    ['recover', 'recovery', 'recovering'],
    ['addicted', 'addiction'],
    ['grief', 'grieving', 'bereavement', 'bereaved', 'mourning'],
    ['elderly', 'older adults', 'older people', 'seniors', 'old age'],
    ['teenager', 'teen', 'teenagers', 'teens'],
    ['nobody', 'no one', 'noone'],
    ['everybody', 'everyone'],
  ],
  same: [
    [
      'emotional numbness',
      'emotional flatness',
      'emotionally flat',
      'blunting',
      'emotional blunting',
      'blunted affect',
      'flat affect',
      'affective flattening',
      'feel nothing',
      'dead inside',
    ],
    ['alexithymia', 'trouble identifying emotions', 'trouble naming feelings', 'naming feelings', 'putting feelings into words'],
    ['partner', 'husband', 'wife', 'spouse', 'boyfriend', 'girlfriend', 'significant other', 'other half'],
    ['anhedonia', 'loss of interest', 'loss of pleasure', 'no joy', 'nothing is fun', 'lost interest'],
    [
      'social withdrawal',
      'pulling away',
      'withdrawing from people',
      'avoiding people',
      'isolating myself',
      'pushing people away',
      'shutting people out',
    ],
    ['stonewalling', 'silent treatment', 'shutting down', 'going silent', 'refusing to talk'],
    ['emotionally unavailable', 'cold', 'distant', 'aloof', 'closed off'],
    ['avoidant attachment', 'fear of commitment', 'fear of intimacy', 'commitment issues'],
    ['emotion regulation', 'emotional regulation', 'emotion dysregulation', 'handling emotions', 'managing emotions', 'mood swings'],
    ['rumination', 'overthinking', 'dwelling on things'],
    ['burnout', 'burned out', 'burnt out', 'exhaustion', 'exhausted', 'worn out'],
    ['fatigue', 'tired', 'no energy', 'drained'],
    ['amotivation', 'no motivation', 'apathy', 'lack of drive'],
    ['cognitive symptoms', 'brain fog', 'poor concentration', 'forgetful', 'memory problems'],
    ['psychomotor agitation', 'restlessness', 'agitated', 'pacing', 'on edge'],
    ['irritability', 'snapping', 'short temper', 'short tempered', 'snappy', 'grumpy', 'cranky'],
    ['low self-esteem', 'worthlessness', 'not good enough'],
    ['dissociation', 'detachment from feelings', 'feeling unreal', 'depersonalisation', 'depersonalization', 'derealisation'],
    ['substance use disorder', 'substance use', 'addiction', 'alcohol', 'drinking', 'drugs', 'sobriety', 'sober'],
    ['psychotherapy', 'talk therapy', 'talking therapy', 'therapy', 'counselling'],
    ['peer support', 'support group', 'self-help group', 'mutual aid'],
    ['social isolation', 'isolated', 'alone', 'cut off'],
    ['behavioural activation', 'activity scheduling', 'doing things you enjoy', 'daily routine'],
    ['bottling up', 'keeping feelings inside', 'suppressing emotions', 'hiding feelings', 'not opening up'],
    ['major depressive disorder', 'clinical depression', 'major depression', 'depression'],
    ['generalised anxiety', 'generalized anxiety', 'anxiety disorder', 'worry'],
    ['antidepressant', 'antidepressants', 'medication', 'medicine', 'pills', 'SSRI'],
    ['breakup', 'break up', 'broke up', 'split up', 'separation', 'divorce', 'heartbreak'],
    ['ghosting', 'ignoring texts', 'not replying', 'ignoring messages', 'not answering'],
    ['friends', 'mates', 'friendships', 'buddies', 'pals'],
    ['loved one', 'family member'],
    ['invisible', 'unseen', 'nobody notices', 'nobody understands', 'misunderstood', 'not understood'],
    ['journaling', 'diary', 'writing things down'],
    ['retirement', 'retired', 'retiring'],
    ['relocation', 'moving house', 'moving away', 'new city', 'new town'],
    ['job loss', 'unemployment', 'laid off', 'redundancy', 'fired'],
    ['workplace', 'work', 'job', 'office', 'colleagues', 'coworkers'],
    ['physical health', 'body', 'heart', 'blood pressure', 'immune system'],
    ['long-term', 'chronic', 'lasting'],
  ],
  narrower: [
    [
      ['cry', 'crying', 'cried', 'weeping', 'sobbing'],
      ['tearful', 'tearfulness'],
    ],
    [
      ['sad', 'down', 'low', 'blue', 'miserable', 'unhappy'],
      ['low mood', 'depression'],
    ],
    [
      ['hurting', 'hurt', 'pain'],
      ['emotional pain', 'protect yourself from hurt'],
    ],
    [
      ['walls', 'wall', 'guarded', 'closed off'],
      ['emotional wall', 'self-protection'],
    ],
    [['argue', 'arguing', 'argument', 'arguments', 'fight', 'fighting', 'row', 'rows'], ['conflict']],
    [
      ['marriage', 'married', 'couple', 'dating'],
      ['partner', 'relationship'],
    ],
    [
      ['texts', 'texting', 'calls', 'messages', 'replying', 'read receipts'],
      ['messages', 'not answering messages'],
    ],
    [['mum', 'mom', 'dad', 'parent', 'sister', 'brother', 'son', 'daughter', 'kids'], ['family']],
    [['grandparent', 'grandma', 'grandpa', 'old', 'aged', 'pensioner'], ['older adults']],
    [
      ['therapist', 'psychologist', 'psychiatrist', 'counsellor', 'doctor', 'GP'],
      ['professional help', 'therapy'],
    ],
    [
      ['pills', 'tablets', 'prozac', 'sertraline', 'fluoxetine', 'citalopram'],
      ['antidepressants', 'medication side effects'],
    ],
    [
      ['drunk', 'booze', 'rehab'],
      ['alcohol', 'addiction recovery'],
    ],
    [
      ['pointless', 'lazy', 'stuck'],
      ['no motivation', 'loss of interest'],
    ],
    [['exercise', 'gym', 'running', 'walk', 'walking'], ['physical activity']],
    // Dissociation is wider than emotional detachment, but the records describe it there.
    [
      ['dissociation', 'dissociating', 'depersonalisation', 'depersonalization', 'derealisation', 'derealization'],
      ['emotional detachment', 'detached'],
    ],
  ],
};
