// Everything a program needs to count tokens with vocabcount.
#pragma once

#include "vocabcount/atomic_file.h"
#include "vocabcount/count.h"
#include "vocabcount/documents.h"
#include "vocabcount/merge.h"
#include "vocabcount/options.h"
#include "vocabcount/path_list.h"
#include "vocabcount/problem.h"
#include "vocabcount/settings.h"
#include "vocabcount/stats.h"
#include "vocabcount/validate.h"
#include "vocabcount/version.h"
#include "vocabcount/vocabulary.h"
#include "vocabcount/write.h"
