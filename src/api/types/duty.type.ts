import { Field, Float, Int, ObjectType } from "type-graphql";
import { DateScalar } from "./date.scalar.js";
import { PageInfoType } from "./connection.type.js";
import { OrganizationType } from "./organization.type.js";
import { TaskType } from "./task.type.js";

@ObjectType("Deadline", {
  simpleResolvers: true,
  description: "A deadline as the text prints it, with the last day it allows",
})
export class DeadlineType {
  @Field(() => DateScalar, { nullable: true, description: "The day, when one is written (đến 31/12/2022)" })
  date!: string | null;
  @Field(() => String, {
    nullable: true,
    description: "A period when no day is: 2022-Q3 (hết Quý III/2022), 2022",
  })
  period!: string | null;
  @Field(() => DateScalar, {
    nullable: true,
    description: "The last day it allows: the date, else the period's end (2022-Q3 → 2022-09-30)",
  })
  due!: string | null;
  @Field(() => String, { description: "As printed, e.g. đến hết Quý III/2022" }) quote!: string;
  @Field(() => Int, { nullable: true, description: "Start in the document's text (UTF-16 offset)" })
  start!: number | null;
  @Field(() => Int, { nullable: true }) end!: number | null;
}

@ObjectType("Assignment", {
  simpleResolvers: true,
  description: "A body a task is assigned to, with its duty and deadlines",
})
export class AssignmentType {
  @Field(() => OrganizationType) organization!: OrganizationType;
  @Field(() => String, { description: "What the body must do, as printed" }) duty!: string;
  @Field(() => String, { nullable: true, description: "The passage that assigns it (bodies and duty)" })
  quote!: string | null;
  @Field(() => [DeadlineType], { description: "Deadlines the passage sets" }) deadlines!: DeadlineType[];
  @Field(() => Int, { nullable: true }) start!: number | null;
  @Field(() => Int, { nullable: true }) end!: number | null;
}

@ObjectType("Quantity", {
  simpleResolvers: true,
  description: "A number a target commits to, parsed, beside its printed form",
})
export class QuantityType {
  @Field(() => Float) value!: number;
  @Field(() => Float, { nullable: true, description: "The upper bound of a range (3 - 3,5%)" })
  valueMax!: number | null;
  @Field(() => String, { nullable: true, description: "%, tỷ đồng, USD, người …" }) unit!: string | null;
  @Field(() => String, { nullable: true, description: "The word before it: đạt, trên, dưới, ít nhất …" })
  comparator!: string | null;
  @Field(() => String, { description: "As printed, e.g. 90%" }) quote!: string;
}

@ObjectType("TargetIndicator", {
  simpleResolvers: true,
  description: "What a target measures, normalised so that it compares across years and provinces",
})
export class TargetIndicatorType {
  @Field(() => String, { description: "Stable key, e.g. grdp-growth, budget-revenue, urbanisation-rate" })
  key!: string;
  @Field(() => String, { description: "English label, e.g. GRDP growth" }) label!: string;
}

@ObjectType("Target", {
  simpleResolvers: true,
  description:
    "A target a document sets: a numbered one ((1) Tốc độ tăng trưởng … đạt trên 10%) or one its text prints elsewhere (phấn đấu … đạt 7,52% trở lên; - Đến năm 2025: …)",
})
export class TargetType {
  @Field(() => Int, {
    description:
      "Its number in the document: (1), (2) … as printed, else its rank among the document's targets",
  })
  ordinal!: number;
  @Field(() => String, { nullable: true, description: "The group it is listed under, e.g. kinh tế" })
  group!: string | null;
  @Field(() => String) text!: string;
  @Field(() => [QuantityType]) quantities!: QuantityType[];
  @Field(() => Int, {
    nullable: true,
    description:
      "The year it is for: printed (đến năm 2030, - Đến năm 2025: over a list), else the year the document plans for",
  })
  year!: number | null;
  @Field(() => String, {
    nullable: true,
    description: "The province of the document that sets it; null for a central text",
  })
  province!: string | null;
  @Field(() => Int, { nullable: true }) start!: number | null;
  @Field(() => Int, { nullable: true }) end!: number | null;
}

@ObjectType("TargetEdge", {
  simpleResolvers: true,
})
export class TargetEdgeType {
  @Field(() => String) cursor!: string;
  @Field(() => TargetType) node!: TargetType;
}

@ObjectType("TargetConnection", {
  simpleResolvers: true,
  description: "Targets by indicator, province (central texts first), year, document key, ordinal",
})
export class TargetConnectionType {
  @Field(() => [TargetEdgeType]) edges!: TargetEdgeType[];
  @Field(() => PageInfoType) pageInfo!: PageInfoType;
}

@ObjectType("TaskDueEdge", {
  simpleResolvers: true,
})
export class TaskDueEdgeType {
  @Field(() => String) cursor!: string;
  @Field(() => DateScalar, { description: "The last day of the deadline that put it in the range" })
  due!: string;
  @Field(() => TaskType) node!: TaskType;
}

@ObjectType("TaskDueConnection", {
  simpleResolvers: true,
  description: "Tasks by the last day of a deadline, then key",
})
export class TaskDueConnectionType {
  @Field(() => [TaskDueEdgeType]) edges!: TaskDueEdgeType[];
  @Field(() => PageInfoType) pageInfo!: PageInfoType;
}

@ObjectType("ImplementationProof", {
  simpleResolvers: true,
  description:
    "Why a body carries out a document: a task implementing it and the assignment that names the body",
})
export class ImplementationProofType {
  @Field(() => String, {
    description:
      "TASK: the implementing task assigns the body itself; HEADING: a heading above it does; DOCUMENT: the implementing task's document assigns it elsewhere (a section 'Tổ chức thực hiện'), no nearer assignment being written",
  })
  basis!: string;
  @Field(() => Int, {
    description: "1: the implementing task cites the document; n: through n-1 ingested documents",
  })
  depth!: number;
  @Field(() => AssignmentType, {
    description: "The assignment naming the body: its task, duty, deadlines, quote",
  })
  assignment!: AssignmentType;
}

@ObjectType("Implementer", {
  simpleResolvers: true,
  description: "A body that carries out a document, with what proves it",
})
export class ImplementerType {
  @Field(() => OrganizationType) organization!: OrganizationType;
  @Field(() => Int, { description: "The least depth of its proofs" }) depth!: number;
  @Field(() => [ImplementationProofType], {
    description: "Its proofs, nearest first (TASK, HEADING, DOCUMENT; then depth, text order); at most 20",
  })
  proofs!: ImplementationProofType[];
  @Field(() => Int, { description: "Every proof, not only those listed" }) proofCount!: number;
}

@ObjectType("ImplementerEdge", {
  simpleResolvers: true,
})
export class ImplementerEdgeType {
  @Field(() => String) cursor!: string;
  @Field(() => ImplementerType) node!: ImplementerType;
}

@ObjectType("ImplementerConnection", {
  simpleResolvers: true,
  description: "Bodies by the least depth of their proofs, then key",
})
export class ImplementerConnectionType {
  @Field(() => [ImplementerEdgeType]) edges!: ImplementerEdgeType[];
  @Field(() => PageInfoType) pageInfo!: PageInfoType;
}
